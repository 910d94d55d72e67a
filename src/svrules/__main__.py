"""`python -m svrules`."""
from .cli import main

main(prog_name="svrules")
