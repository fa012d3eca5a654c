"""Allow ``python -m leadreg``."""

from leadreg.cli import main

if __name__ == "__main__":
    main()
