"""``python -m sena_relacionamiento``: la misma línea de comandos que ``sena-relacionamiento``."""

from sena_relacionamiento.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
