"""Raw-response exports for staff: CSV, XLSX, SPSS and a codebook, built by Celery tasks."""
