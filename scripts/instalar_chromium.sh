#!/usr/bin/env bash
# Instala Chromium de los paquetes de Debian para la prueba en navegador
# (tests/test_navegador.py). Idempotente: no hace nada si /usr/bin/chromium existe.
# Necesita root (o sudo) y apt-get; donde no los hay, lo dice y sale sin error: la prueba
# se salta entonces con su razón.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "chromium ya está instalado: /usr/bin/chromium"
  exit 0
fi
if ! command -v apt-get > /dev/null; then
  echo "no hay apt-get: instale chromium a mano (la prueba en navegador se saltará)" >&2
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  como=()
elif command -v sudo > /dev/null; then
  como=(sudo)
else
  echo "hace falta root o sudo para instalar chromium (la prueba en navegador se saltará)" >&2
  exit 0
fi
"${como[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${como[@]}" apt-get install -y -qq --no-install-recommends chromium
echo "chromium instalado: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
