"""Entradas y entornos hostiles en los bordes (issue 12, puntos 7 y 11).

- Una fecha vacía de pandas (`NaT`) es un `DatoInvalido` al construir el registro, no un
  `TypeError` al calcular.
- Los escritores para personas no usan el contexto decimal de quien llama.
- Montos de 10^28 pesos o más no rompen los informes de texto y HTML ni `clasificar`.
- Neutralización de fórmulas por salida, limpieza de la terminal y R26 con el gestor.
"""

from __future__ import annotations

import importlib
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
