"""Writers: CSV, JSON Lines, xlsx, Parquet, pandas, the review page; safe cells; atomic files."""
