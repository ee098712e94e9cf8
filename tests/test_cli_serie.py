"""La orden ``serie`` y los escritores de la serie (issue 17): las mismas filas que
`Serie.filas()`, que son las de cada `informe()` (R22–R25)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from sena_relacionamiento import REGIONALES, DatoInvalido, Periodo, informe, serie
from sena_relacionamiento.cli import main
from sena_relacionamiento.datos_ejemplo import datos_de_ejemplo
from sena_relacionamiento.io.escritores import _celda_csv, _json
from sena_relacionamiento.io.serie_escritores import generar_serie, serie_texto
from sena_relacionamiento.serie import COLUMNAS_SERIE
from sena_relacionamiento.testing import un_conjunto_de_datos

MESES = [Periodo(2012, m) for m in range(1, 5)]


def _correr(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    codigo = main(list(argv))
    salida = capsys.readouterr()
    return codigo, salida.out, salida.err


def _filas_de_informes() -> list[dict[str, object]]:
    datos = datos_de_ejemplo()
    return [{"periodo": str(p), **f} for p in MESES for f in informe(datos, p).filas()]


def test_r22_csv_de_la_serie_son_las_filas_de_cada_informe(
    capsys: pytest.CaptureFixture[str],
) -> None:
    codigo, salida, _ = _correr(
        capsys, "serie", "--desde", "2012-01", "--hasta", "2012-04", "--formato", "csv"
    )
    assert codigo == 0
    leidas = list(csv.reader(io.StringIO(salida)))
    assert tuple(leidas[0]) == COLUMNAS_SERIE
    esperadas = [[str(_celda_csv(f[k])) for k in COLUMNAS_SERIE] for f in _filas_de_informes()]
    assert leidas[1:] == esperadas


def test_r22_json_de_la_serie_son_las_filas_de_cada_informe(
    capsys: pytest.CaptureFixture[str],
) -> None:
    codigo, salida, _ = _correr(
        capsys, "serie", "--desde", "2012-01", "--hasta", "2012-04", "--formato", "json"
    )
    assert codigo == 0
    datos = json.loads(salida)
    assert datos["resultados"] == [
        {k: _json(f[k]) for k in COLUMNAS_SERIE} for f in _filas_de_informes()
    ]
    assert datos["periodos"] == ["2012-01", "2012-02", "2012-03", "2012-04"]
    assert (datos["desde"], datos["hasta"], datos["inicio"], datos["fin"]) == (
        "2012-01",
        "2012-04",
        "2011-12-26",
        "2012-04-25",
    )
    assert [p["vigencia"] for p in datos["parametros"]] == [2012]
    marzo = informe(datos_de_ejemplo(), Periodo(2012, 3))
    assert sum(datos["excluidos"]["2012-03"].values()) == len(marzo.excluidos)


def test_texto_una_tabla_por_ambito_con_los_meses_como_columnas(
    capsys: pytest.CaptureFixture[str],
) -> None:
    codigo, salida, _ = _correr(capsys, "serie", "--desde", "2012-02", "--hasta", "2012-03")
    assert codigo == 0
    lineas = salida.splitlines()
    assert lineas[0] == "Serie de la Circular 109 de 2012 — de febrero de 2012 a marzo de 2012"
    i = lineas.index("Nacional: Colombia")
    assert lineas[i + 2].split() == ["Indicador", "2012-02", "2012-03"]
    assert "Regional: Huila (41), segmento mediana" in salida
    assert "Regionales sin datos en la serie (no se muestran): 28" in salida
    assert lineas[-2].split() == ["2012-02", "165"]
    assert lineas[-1].split() == ["2012-03", "13"]


def test_texto_sin_regionales_vacias() -> None:
    datos = un_conjunto_de_datos(regionales=[r.codigo for r in REGIONALES], semilla=3)
    texto = serie_texto(serie(datos, Periodo(2012, 3), Periodo(2012, 3)))
    assert "sin datos en la serie" not in texto
    assert texto.count("Regional: ") == len(REGIONALES)


def test_serie_a_un_archivo(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    destino = tmp_path / "serie.csv"
    codigo, salida, _ = _correr(
        capsys,
        "serie",
        "--desde",
        "2012-03",
        "--hasta",
        "2012-03",
        "--formato",
        "csv",
        "--salida",
        str(destino),
    )
    assert codigo == 0
    assert salida == f"Serie 2012-03 a 2012-03 en formato csv escrita en {destino}\n"
    assert destino.read_text("utf-8").splitlines()[0].startswith("periodo,ambito,")


def test_serie_desde_una_carpeta(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    carpeta = tmp_path / "datos"
    carpeta.mkdir()
    (carpeta / "gestores.csv").write_text("id;rol;regional\ng1;Empresarial;Huila\n", "utf-8")
    (carpeta / "asignaciones.csv").write_text("gestor;nit\ng1;900123456\n", "utf-8")
    codigo, salida, _ = _correr(
        capsys, "serie", "--datos", str(carpeta), "--desde", "2012-01", "--hasta", "2012-02",
        "--formato", "json",
    )  # fmt: skip
    assert codigo == 0
    assert {f["periodo"] for f in json.loads(salida)["resultados"]} == {"2012-01", "2012-02"}


@pytest.mark.parametrize(
    ("argumentos", "mensaje"),
    [
        (["--desde", "2012-13", "--hasta", "2012-04"], "--desde: el mes va de 1 a 12"),
        (["--desde", "2012-01", "--hasta", "abril"], "--hasta: "),
        (["--desde", "2012-04", "--hasta", "2012-01"], "hasta es anterior a desde"),
        (["--desde", "2012-12", "--hasta", "2013-01"], "faltan los Parametros de la vigencia"),
    ],
)
def test_errores_de_la_serie(
    capsys: pytest.CaptureFixture[str], argumentos: list[str], mensaje: str
) -> None:
    codigo, salida, error = _correr(capsys, "serie", *argumentos)
    assert codigo == 2
    assert salida == ""
    assert mensaje in error
    assert "Traceback" not in error


def test_formato_de_serie_desconocido() -> None:
    s = serie(datos_de_ejemplo(), Periodo(2012, 3), Periodo(2012, 3))
    with pytest.raises(DatoInvalido, match="formato de salida de la serie"):
        generar_serie(s, "pdf")
