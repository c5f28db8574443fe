"""`python -m compliance`: the same entry point as the `compliance` console script."""

from .cli import main

if __name__ == "__main__":
    main()
