"""Reading files: paths, folders, globs and stdin into documents; bytes to text; web pages; PDFs."""
