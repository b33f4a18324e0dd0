"""Checks: the text against a reference table (check), and sources that agree or not (reconcile)."""
