#!/usr/bin/env bash
# Pruebas de mutación (mutmut 3) sobre los módulos de reglas; imprime el puntaje.
#
# Uso:
#   scripts/mutacion.sh            # subconjunto representativo (~3 min)
#   scripts/mutacion.sh todo       # todos los módulos de reglas (~15 min o más)
#
# Trabaja en una copia temporal del proyecto, para no tocar el árbol de trabajo. Si
# pyproject.toml no trae [tool.mutmut], agrega a la copia la configuración de docs/mutacion.md.
# Necesita mutmut en el entorno (pip install mutmut); MUTMUT=/ruta/a/mutmut lo cambia.
set -euo pipefail

raiz="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mutmut="${MUTMUT:-mutmut}"
# Una ruta relativa (MUTMUT=.venv/bin/mutmut) se resuelve antes de pasar a la copia.
if [[ "$mutmut" == */* ]]; then
  mutmut="$(cd "$(dirname "$mutmut")" && pwd)/$(basename "$mutmut")"
fi
alcance="${1:-subconjunto}"
copia="$(mktemp -d "${TMPDIR:-/tmp}/sena-mutacion.XXXXXX")"
trap 'rm -rf "$copia"' EXIT

# docs/ va también: alguna prueba compara la documentación con el código.
cp -r "$raiz/src" "$raiz/tests" "$raiz/docs" "$raiz/pyproject.toml" "$copia/"
cd "$copia"

if [[ "$alcance" == "todo" ]]; then
  modulos='
  "src/sena_relacionamiento/regionales.py",
  "src/sena_relacionamiento/parametros.py",
  "src/sena_relacionamiento/segmentacion.py",
  "src/sena_relacionamiento/relacionamiento.py",
  "src/sena_relacionamiento/enrutamiento.py",
  "src/sena_relacionamiento/periodos.py",
  "src/sena_relacionamiento/dinero.py",
  "src/sena_relacionamiento/informe.py",
  "src/sena_relacionamiento/indicadores/*",'
  pruebas='
  "tests/test_segmentacion.py",
  "tests/test_regionales.py",
  "tests/test_parametros.py",
  "tests/test_periodos.py",
  "tests/test_relacionamiento.py",
  "tests/test_enrutamiento.py",
  "tests/test_dinero.py",
  "tests/test_vigencias.py",
  "tests/test_registros.py",
  "tests/test_nit.py",
  "tests/test_repetidos.py",
  "tests/test_r33_servicios.py",
  "tests/test_indicador_sismeg.py",
  "tests/test_indicador_ec.py",
  "tests/test_indicador_ep.py",
  "tests/test_indicador_eg.py",
  "tests/test_indicador_af.py",
  "tests/test_indicador_cv.py",
  "tests/test_indicador_em.py",
  "tests/test_indicador_pe.py",
  "tests/test_indicador_evaluacion.py",
  "tests/test_indicador_informe.py",
  "tests/test_mutantes.py",'
else
  modulos='
  "src/sena_relacionamiento/segmentacion.py",
  "src/sena_relacionamiento/regionales.py",
  "src/sena_relacionamiento/indicadores/resultado.py",
  "src/sena_relacionamiento/indicadores/ec.py",
  "src/sena_relacionamiento/indicadores/cv.py",'
  pruebas='
  "tests/test_segmentacion.py",
  "tests/test_regionales.py",
  "tests/test_registros.py",
  "tests/test_indicador_sismeg.py",
  "tests/test_indicador_ec.py",
  "tests/test_indicador_ep.py",
  "tests/test_indicador_eg.py",
  "tests/test_indicador_af.py",
  "tests/test_indicador_cv.py",
  "tests/test_indicador_em.py",
  "tests/test_indicador_pe.py",
  "tests/test_indicador_evaluacion.py",
  "tests/test_indicador_informe.py",
  "tests/test_mutantes.py",'
fi

# «-k not tablas»: la vía por columnas (polars, DuckDB) no se muta, y sus hilos, creados en el
# proceso padre de mutmut, dejan colgados a los hijos que mutmut crea con fork.
# La copia siempre usa la configuración de este script (la de pyproject se reemplaza).
python3 - "$modulos" "$pruebas" <<'PY'
import re, sys
texto = open("pyproject.toml", encoding="utf-8").read()
texto = re.sub(r"\n\[tool\.mutmut\].*?(?=\n\[|\Z)", "", texto, flags=re.S)
texto += f"""
[tool.mutmut]
source_paths = ["src/"]
also_copy = ["docs/"]
only_mutate = [{sys.argv[1]}
]
pytest_add_cli_args = ["-o", "addopts=", "-p", "no:cacheprovider", "-q", "-x", "-k", "not tablas"]
pytest_add_cli_args_test_selection = [{sys.argv[2]}
]
"""
open("pyproject.toml", "w", encoding="utf-8").write(texto)
PY

command -v "$mutmut" >/dev/null 2>&1 || { echo "ERROR: no se encuentra mutmut ($mutmut); pip install mutmut o MUTMUT=/ruta" >&2; exit 1; }

# Sin medición no hay puntaje: si mutmut falla (por ejemplo, la corrida de base con las pruebas
# sin mutar no pasa) o no cuenta ningún mutante, el script lo dice y sale con error.
registro="$copia/mutmut-run.log"
inicio=$(date +%s)
if ! "$mutmut" run >"$registro" 2>&1; then
  echo "ERROR: mutmut run falló; no hay puntaje. Final de su salida:" >&2
  tail -n 40 "$registro" >&2
  exit 1
fi
fin=$(date +%s)

resultados="$copia/mutmut-results.txt"
"$mutmut" results --all true >"$resultados" 2>&1 || {
  echo "ERROR: mutmut results falló:" >&2
  tail -n 40 "$resultados" >&2
  exit 1
}
awk -F': ' '
  { n[$2]++; total++ }
  END {
    muertos = n["killed"] + n["timeout"]
    vivos = n["survived"]
    sinpruebas = n["no tests"]
    printf "mutantes: %d  muertos: %d  sobrevivientes: %d  sin pruebas: %d\n", total, muertos, vivos, sinpruebas
    if (muertos + vivos == 0) { print "ERROR: ningún mutante medido" > "/dev/stderr"; exit 1 }
    printf "puntaje: %.1f %% de los mutantes cubiertos muertos\n", 100 * muertos / (muertos + vivos)
  }' "$resultados"
echo "tiempo: $((fin - inicio)) s"
echo "sobrevivientes:"
grep ': survived' "$resultados" || true
