"""Entradas y entornos hostiles en los bordes (issue 12, puntos 7 y 11).

- Una fecha vacía de pandas (`NaT`) es un `DatoInvalido` al construir el registro, no un
  `TypeError` al calcular.
- Los escritores para personas no usan el contexto decimal de quien llama.
- Montos de 10^28 pesos o más no rompen los informes de texto y HTML ni `clasificar`.
- Neutralización de fórmulas por salida, limpieza de la terminal y R26 con el gestor.
"""

from __future__ import annotations

import importlib
import io
from datetime import date, datetime
from decimal import Decimal, Inexact, localcontext
from typing import Any

import pytest
from _constructores import gestor

from sena_relacionamiento import (
    Ambiente,
    Contacto,
    DatoInvalido,
    DatosSeguimiento,
    Periodo,
    Solicitud,
    formato,
    informe,
)
from sena_relacionamiento.cli import main
from sena_relacionamiento.datos_ejemplo import datos_de_ejemplo
from sena_relacionamiento.io.escritores import informe_texto
from sena_relacionamiento.io.pagina_html import pagina_html

MARZO = Periodo(2012, 3)


# -- NaT (punto 7) ----------------------------------------------------------------------------


class _FechaVacia(datetime):
    """Como `pandas.NaT`: una subclase de `datetime` distinta de sí misma."""

    def __ne__(self, otro: object) -> bool:
        return True

    def __eq__(self, otro: object) -> bool:
        return False

    __hash__ = datetime.__hash__


def _nat() -> list[Any]:
    valores: list[Any] = [_FechaVacia(2012, 3, 1)]
    try:
        pd = importlib.import_module("pandas")
    except ImportError:  # pragma: no cover - pandas está en el extra de pruebas
        return valores
    return [*valores, pd.NaT]


@pytest.mark.parametrize("nat", _nat())
def test_nat_como_fecha_es_dato_invalido_al_construir(nat: Any) -> None:
    with pytest.raises(DatoInvalido, match="fecha"):
        Contacto(gestor="g1", nit="900123456", fecha=nat, tipo="nuevo", medio="visita")


@pytest.mark.parametrize("nat", _nat())
def test_nat_como_fecha_de_gestion_es_dato_invalido_al_construir(nat: Any) -> None:
    with pytest.raises(DatoInvalido, match="fecha_gestion"):
        Solicitud(
            id="CRM-1",
            fecha=date(2012, 3, 1),
            servicio="Formación",
            regional="Huila",
            fecha_gestion=nat,
        )


# -- contexto decimal de quien llama (punto 7) ------------------------------------------------


@pytest.mark.parametrize(
    "contexto",
    [{"prec": 10}, {"prec": 3}, {"traps": [Inexact]}, {"prec": 3, "traps": [Inexact]}],
    ids=["prec10", "prec3", "inexact", "prec3-inexact"],
)
def test_escritores_humanos_no_usan_el_contexto_decimal_de_quien_llama(
    contexto: dict[str, Any],
) -> None:
    inf = informe(datos_de_ejemplo(), MARZO)
    esperado = (informe_texto(inf), pagina_html(inf), inf._repr_html_())
    esperado_tablero = inf.nacional._repr_html_()
    with localcontext(**contexto):
        assert (informe_texto(inf), pagina_html(inf), inf._repr_html_()) == esperado
        assert inf.nacional._repr_html_() == esperado_tablero


# -- montos enormes (punto 7) -----------------------------------------------------------------


@pytest.mark.parametrize(
    "valor", [10**28, 10**40 + 1, Decimal("1E+30"), Decimal(10**28) + Decimal("0.5")]
)
def test_montos_de_10_a_la_28_no_rompen_texto_ni_html(valor: int | Decimal) -> None:
    datos = DatosSeguimiento(
        gestores=[gestor("g1")],
        asignaciones=[],
        ambientes=[Ambiente(gestor="g1", fecha=date(2012, 3, 1), valor=valor)],
    )
    inf = informe(datos, MARZO)
    texto = informe_texto(inf)
    assert f"valor: {formato.pesos(valor)}" in texto
    assert formato.pesos(valor).startswith("$ 1")
    pagina_html(inf)
    inf._repr_html_()


def test_clasificar_con_aportes_de_10_a_la_28(capsys: pytest.CaptureFixture[str]) -> None:
    codigo = main(["clasificar", "--aportes", "1" + "0" * 28, "--regional", "Huila"])
    salida = capsys.readouterr().out
    assert codigo == 0
    assert "$ 10.000.000.000.000.000.000.000.000.000" in salida
    assert "Tipo A" in salida


# -- neutralización de fórmulas por salida (punto 11) -----------------------------------------

_PELIGROSO = "x;=cmd|' /C calc'!A0;"


def _informe_con_gestor(id_gestor: str) -> Any:
    datos = DatosSeguimiento(gestores=[gestor(id_gestor)], asignaciones=[])
    return informe(datos, MARZO)


def test_csv_un_texto_con_punto_y_coma_no_da_una_formula_en_excel_en_espanol() -> None:
    from sena_relacionamiento.io.escritores import informe_csv

    lineas = informe_csv(_informe_con_gestor(_PELIGROSO)).splitlines()
    fila = next(linea for linea in lineas if "cmd" in linea)
    import csv

    assert "x;'=cmd|' /C calc'!A0;" in next(csv.reader([fila]))
    # Como lo parte Excel en español: por «;», respetando las comillas.
    for celda in next(csv.reader([fila], delimiter=";")):
        assert not celda.startswith(("=", "+", "-", "@"))


@pytest.mark.parametrize("texto", ["＝1+1", "﹦1+1", "＋1", "－1", "＠SUM(A1)", "−1+1"])
def test_neutralizar_caracteres_de_formula_de_ancho_completo(texto: str) -> None:
    from sena_relacionamiento.io.escritores import neutralizar

    assert neutralizar(texto) == "'" + texto


def test_json_guarda_el_texto_exacto() -> None:
    from sena_relacionamiento.io.escritores import datos_json

    datos = datos_json(_informe_con_gestor("-1+1"))
    assert "-1+1" in {fila["clave"] for fila in datos["resultados"]}


def test_xlsx_guarda_el_texto_exacto_como_texto_con_prefijo_de_comilla() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from sena_relacionamiento.io.escritores import informe_xlsx

    for texto in ("=1+1", "＝1+1", "-1+1"):
        libro = openpyxl.load_workbook(io.BytesIO(informe_xlsx(_informe_con_gestor(texto))))
        celda = libro["Gestores"]["A2"]
        assert celda.value == texto
        assert celda.data_type == "s"
        assert celda.quotePrefix


# -- la terminal (punto 11) -------------------------------------------------------------------


@pytest.mark.parametrize(
    "control", ["\x1b", "\x9b", "\x90", "\u202e", "\u202a", "\u2066", "\u2069", "\u202d"]
)
def test_texto_para_la_terminal_quita_c1_y_controles_bidi(control: str) -> None:
    texto = informe_texto(_informe_con_gestor(f"g{control}1"))
    assert control not in texto
    assert "g\ufffd1" in texto
