"""Many documents: worker processes (pool) and a Dask cluster (dask)."""
