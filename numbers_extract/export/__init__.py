"""Writers: CSV, JSON Lines, xlsx, pandas, the review page; safe cells; atomic files."""
