"""`daredevil server`: a Celery worker that runs the same engine for workstations (issue 11)."""
