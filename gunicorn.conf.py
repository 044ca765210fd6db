"""gunicorn settings for the tracker: `gunicorn -c gunicorn.conf.py` (README, "Deploying").

Every value comes from the environment with a production default, so one
file serves a laptop and a fleet of app servers behind a load balancer.
"""

import os
import sys

# The config file is read before gunicorn puts the working directory on the path.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from tracker.serving import gunicorn_workers  # noqa: E402

wsgi_app = "tracker.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Processes: 2 x CPUs + 1 unless GUNICORN_WORKERS says otherwise. Each worker
# holds its own database connections (one per thread, or its own pool with
# DJANGO_DB_POOL): `manage.py check_db_capacity` checks the total.
workers = gunicorn_workers()
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
worker_class = "gthread" if threads > 1 else "sync"
# No preload: every worker connects (and builds its pool) after the fork;
# a connection or pool inherited across fork would be shared by accident.
preload_app = False

# A request still running after `timeout` seconds gets its worker killed and
# restarted (a stuck query cannot hold a worker forever); connect and pool
# timeouts are far shorter, so a database outage ends in a 503, not here.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On SIGTERM (deploys, scale-in), workers finish the requests in flight for up
# to this long before they are killed; the load balancer drains meanwhile.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# Recycle workers now and then, at different times, against slow leaks.
max_requests = 5000
max_requests_jitter = 500
backlog = 2048
# Request line and headers bounded (request bodies are bounded by Django).
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190

# Only our proxies may say the request came in over HTTPS (the app drops the
# header from anyone else too: tracker.middleware.TrustedProxyMiddleware).
forwarded_allow_ips = os.environ.get("DJANGO_TRUSTED_PROXIES", "127.0.0.1,::1")
secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}

# Access log on stdout: address, method, path WITHOUT the query string (search
# terms and admin filters stay out of the logs), status, bytes, milliseconds.
# No cookies, no referrer, no user agent.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
