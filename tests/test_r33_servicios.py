"""R33: un servicio, un nombre, en EP y en EG por igual (issue 12, punto 9).

Dos nombres que solo difieren en mayúsculas, tildes o espacios (alrededor o repetidos) son el
mismo servicio; se muestra la grafía vista más veces (a igualdad, la primera en orden
alfabético). Las dos vías (registros y tablas) dan lo mismo.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from datetime import date

import pytest
from _constructores import asignar, contactar, gestor
from hypothesis import given
from hypothesis import strategies as st

from sena_relacionamiento import (
    DatosSeguimiento,
    Periodo,
    ServicioUsado,
    Solicitud,
    informe,
)
from sena_relacionamiento._texto import clave_servicio
from sena_relacionamiento.datos import Motivo
from sena_relacionamiento.indicadores.eg import mas_solicitados

MARZO = Periodo(2012, 3)
NIT = "900123456"


def _usado(servicio: str, dia: int = 1) -> ServicioUsado:
    return ServicioUsado(nit=NIT, fecha=date(2012, 3, dia), servicio=servicio)


def _datos(*servicios: ServicioUsado) -> DatosSeguimiento:
    return DatosSeguimiento(
        gestores=[gestor("g1")],
        asignaciones=asignar("g1", [NIT]),
        contactos=contactar("g1", [NIT], date(2012, 3, 1)),
        servicios=servicios,
    )


def test_r33_ep_variantes_de_grafia_son_un_servicio() -> None:
    inf = informe(
        _datos(_usado("Formación"), _usado("formacion", 2), _usado(" FORMACIÓN  ")), MARZO
    )
    assert (inf.nacional.ep.numerador, inf.nacional.ep.denominador) == (1, 1)
    assert dict(inf.resumen_excluidos()) == {Motivo.SERVICIO_REPETIDO: 2}


def test_r33_ep_otra_palabra_sigue_siendo_otro_servicio() -> None:
    inf = informe(_datos(_usado("Formación"), _usado("Formaciones", 2)), MARZO)
    assert inf.nacional.ep.numerador == 2


def test_r33_eg_muestra_la_grafia_mas_vista() -> None:
    frecuencias = Counter({"formacion": 2, "Formación": 1, "Becas": 1})
    assert mas_solicitados(frecuencias) == (("formacion", 3), ("Becas", 1))


def test_r33_eg_a_igualdad_la_primera_en_orden_alfabetico() -> None:
    assert mas_solicitados(Counter({"formacion": 1, "Formación": 1})) == (("Formación", 2),)


def test_r33_eg_en_el_informe_junta_las_grafias() -> None:
    solicitudes = [
        Solicitud(id=f"s{i}", fecha=date(2012, 3, 1), servicio=nombre, regional="Huila")
        for i, nombre in enumerate(["formacion", "Formación", "formacion", "Becas"])
    ]
    datos = DatosSeguimiento(gestores=[], asignaciones=[], solicitudes=solicitudes)
    detalle = informe(datos, MARZO).nacional.eg.detalle
    assert detalle["servicios_mas_solicitados"] == (("formacion", 3), ("Becas", 1))


@pytest.mark.parametrize("motor", ["polars", "pandas", "duckdb"])
def test_r33_tablas_ep_igual_que_informe(motor: str) -> None:
    pytest.importorskip("narwhals")
    from test_tablas import comparar

    datos = _datos(
        _usado("Formación"),
        _usado("formacion", 2),
        _usado("Formación ", 3),
        _usado("Becas", 4),
        _usado("becas", 5),
    )
    comparar(datos, MARZO, motor)
    assert informe(datos, MARZO).nacional.ep.numerador == 2


def test_r33_tablas_ep_con_un_servicio_nulo() -> None:
    pl = pytest.importorskip("polars")
    from _vias import marcos_polars

    from sena_relacionamiento.tablas import MOTIVO_NULO, informe_tabular

    marcos = marcos_polars(_datos(_usado("Formación"), _usado("formacion", 2), _usado("x", 3)))
    marcos["servicios"] = marcos["servicios"].with_columns(
        pl.when(pl.col("servicio") == "x")
        .then(None)
        .otherwise(pl.col("servicio"))
        .alias("servicio")
    )
    resultado = informe_tabular(periodo=MARZO, **marcos)
    assert dict(resultado.excluidos["servicios"]) == {
        MOTIVO_NULO: 1,
        Motivo.SERVICIO_REPETIDO: 1,
    }


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_r33_la_clave_de_un_nombre_ascii_es_la_de_la_regla_general(nombre: str) -> None:
    # El atajo para ASCII da lo mismo que quitar tildes con NFKD (la regla general).
    sin_tildes = unicodedata.normalize("NFKD", nombre.casefold())
    general = "".join(c for c in sin_tildes if not unicodedata.combining(c))
    assert clave_servicio(nombre) == " ".join(general.split())


def test_r33_la_clave_de_un_nombre_con_tildes_las_quita() -> None:
    assert clave_servicio(" Asesoría\tTÉCNICA ") == clave_servicio("asesoria tecnica")
