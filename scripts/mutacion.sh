#!/usr/bin/env bash
# Pruebas de mutación (mutmut 3) sobre los módulos de reglas; imprime el puntaje.
#
# Uso:
#   scripts/mutacion.sh                      # subconjunto representativo (~3 min)
#   scripts/mutacion.sh todo                 # todos los módulos de reglas
#   scripts/mutacion.sh todo 'sena_relacionamiento.parametros*'   # solo esos mutantes
#
# Trabaja en una copia del proyecto, para no tocar el árbol de trabajo. La copia es temporal,
# salvo con MUTACION_COPIA=dir: se crea si no existe y se conserva; si ya existe, se reutiliza
# (mutmut recuerda lo medido en su mutants/ y no vuelve a medirlo), así que una corrida larga
# puede partirse en varias por módulo y el puntaje final suma todas; de una copia reutilizada
# solo se actualizan las pruebas (para volver a medir sobrevivientes con pruebas nuevas).
# Necesita mutmut en el entorno (pip install mutmut); MUTMUT=/ruta/a/mutmut lo cambia.
# MUTMUT_HIJOS fija los procesos en paralelo (2 por omisión); mutmut corre con nice -n 10.
# Las propiedades de Hypothesis corren con el perfil «mutacion» de tests/conftest.py (pocos
# ejemplos, siempre los mismos).
set -euo pipefail

raiz="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mutmut="${MUTMUT:-mutmut}"
# Una ruta relativa (MUTMUT=.venv/bin/mutmut) se resuelve antes de pasar a la copia.
if [[ "$mutmut" == */* ]]; then
  mutmut="$(cd "$(dirname "$mutmut")" && pwd)/$(basename "$mutmut")"
fi
alcance="${1:-subconjunto}"
shift || true
# El resto de los argumentos: nombres de mutantes (con comodines) que se pasan a mutmut run.
hijos="${MUTMUT_HIJOS:-2}"
export SENA_HYPOTHESIS_PERFIL=mutacion

reutilizada=0
if [[ -n "${MUTACION_COPIA:-}" ]]; then
  copia="$MUTACION_COPIA"
  if [[ -f "$copia/pyproject.toml" ]]; then
    reutilizada=1
  else
    mkdir -p "$copia"
  fi
  copia="$(cd "$copia" && pwd)"
else
  copia="$(mktemp -d "${TMPDIR:-/tmp}/sena-mutacion.XXXXXX")"
  trap 'rm -rf "$copia"' EXIT
fi

if [[ "$reutilizada" == 1 ]]; then
  echo "copia reutilizada: $copia (no se vuelve a copiar el código)" >&2
  cd "$copia"
  # Las pruebas sí se actualizan: con pruebas nuevas, mutmut vuelve a recoger qué prueba cubre
  # qué función (borrando sus estadísticas) y conserva lo ya medido; los mutantes nombrados en
  # la llamada se vuelven a medir con las pruebas nuevas.
  if ! diff -rq -x __pycache__ "$raiz/tests" tests >/dev/null 2>&1; then
    echo "pruebas actualizadas desde $raiz/tests" >&2
    rm -rf tests && cp -r "$raiz/tests" tests
    if [[ -d mutants ]]; then
      rm -rf mutants/tests && cp -r "$raiz/tests" mutants/tests
      rm -f mutants/mutmut-stats.json
    fi
  fi
else
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
  "tests/test_serie.py",
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
  "tests/test_serie.py",
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
fi

command -v "$mutmut" >/dev/null 2>&1 || { echo "ERROR: no se encuentra mutmut ($mutmut); pip install mutmut o MUTMUT=/ruta" >&2; exit 1; }

# Sin medición no hay puntaje: si mutmut falla (por ejemplo, la corrida de base con las pruebas
# sin mutar no pasa) o no cuenta ningún mutante, el script lo dice y sale con error.
registro="$copia/mutmut-run.log"
inicio=$(date +%s)
if ! nice -n 10 "$mutmut" run --max-children "$hijos" "$@" >"$registro" 2>&1; then
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
echo "tiempo de esta corrida: $((fin - inicio)) s (mutmut run --max-children $hijos; $# mutantes nombrados)"
# Cifras de todo lo medido en la copia (con MUTACION_COPIA, también lo de corridas anteriores).
# Un «timeout» cuenta como muerto en el puntaje, pero se lista aparte: no es una muerte
# confiable y hay que revisarlo a mano (docs/mutacion.md).
python3 - "$resultados" <<'PY'
import collections, re, sys

por_modulo = collections.defaultdict(collections.Counter)
lineas = collections.defaultdict(list)
for linea in open(sys.argv[1], encoding="utf-8"):
    nombre, sep, estado = linea.strip().rpartition(": ")
    if not sep or "__mutmut_" not in nombre:
        continue
    modulo = re.split(r"\.x[_\u01c1]", nombre, maxsplit=1)[0]
    por_modulo[modulo][estado] += 1
    lineas[estado].append(nombre)

def cifras(n, nombre):
    muertos, tiempo, vivos = n["killed"], n["timeout"], n["survived"]
    medidos = muertos + tiempo + vivos
    otros = sum(n.values()) - medidos - n["no tests"] - n["not checked"]
    puntaje = f"{100 * (muertos + tiempo) / medidos:.1f} %" if medidos else "-"
    return (f"{nombre}: mutantes {sum(n.values())}  muertos {muertos}  por tiempo {tiempo}  "
            f"sobrevivientes {vivos}  sin pruebas {n['no tests']}  sin medir {n['not checked']}  "
            f"otros {otros}  puntaje {puntaje}")

total = collections.Counter()
for modulo in sorted(por_modulo):
    total.update(por_modulo[modulo])
    print(cifras(por_modulo[modulo], modulo))
print(cifras(total, "TOTAL"))
muertos, tiempo, vivos = total["killed"], total["timeout"], total["survived"]
print(f"mutantes: {sum(total.values())}  muertos: {muertos + tiempo} (por tiempo: {tiempo})  "
      f"sobrevivientes: {vivos}  sin pruebas: {total['no tests']}  sin medir: {total['not checked']}")
if muertos + tiempo + vivos == 0:
    print("ERROR: ningún mutante medido", file=sys.stderr)
    sys.exit(1)
print(f"puntaje: {100 * (muertos + tiempo) / (muertos + tiempo + vivos):.1f} % de los mutantes "
      "cubiertos muertos (los «por tiempo» cuentan como muertos)")
if total["not checked"]:
    print(f"AVISO: {total['not checked']} mutantes sin medir: la medición es parcial")
for estado, titulo in (("survived", "sobrevivientes"), ("timeout", "por tiempo (revisar a mano)")):
    print(f"{titulo}:")
    for nombre in lineas[estado]:
        print(f"  {nombre}")
otros = [e for e in lineas if e not in ("killed", "survived", "timeout", "no tests", "not checked")]
for estado in otros:
    print(f"{estado}:")
    for nombre in lineas[estado]:
        print(f"  {nombre}")
PY
