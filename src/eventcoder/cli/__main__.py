from eventcoder.cli import app

app()
