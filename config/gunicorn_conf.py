"""Gunicorn settings of the web container (`gunicorn -c python:config.gunicorn_conf`).

See `config.gunicorn_logging` for what the logs keep; the logs go to stdout and stderr.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "4"))
logger_class = "config.gunicorn_logging.PrivateLogger"
# An empty GUNICORN_ACCESS_LOG turns the access log off (the benchmarks do).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# No client address and no query string, whatever the logger is given (see the logger).
access_log_format = '%(t)s "%(r)s" %(s)s %(b)s %(L)s'
