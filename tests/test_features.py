"""Run every Gherkin feature in features/ (steps in conftest.py)."""
from pytest_bdd import scenarios

scenarios("../features")
