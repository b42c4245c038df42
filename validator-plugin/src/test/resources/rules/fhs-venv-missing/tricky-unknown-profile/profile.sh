source .venv/bin/activate
