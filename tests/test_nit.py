"""`normalizar_nit` con las formas que traen las exportaciones reales (issue 13): compactado
con python-stdnum, dígito de verificación tras cualquier guion, miles con punto o con coma."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.co import nit as stdnum_nit

from sena_relacionamiento import (
    Asignacion,
    Contacto,
    DatoInvalido,
    DatosSeguimiento,
    Gestor,
    Periodo,
    informe,
    normalizar_nit,
)
from sena_relacionamiento.tablas import a_filas, informe_tabular


@pytest.mark.parametrize(
    "valor",
    [
        "800226098 - 4",  # espacios alrededor del guion (exportación de SOFIA Plus)
        "800226098-4",
        "800226098 -4",
        "800226098- 4",
        "800226098 – 4",  # semirraya
        "800226098—4",  # raya
        "800226098 − 4",  # signo menos
        "800226098‐4",  # guion tipográfico (U+2010)
        "800.226.098",
        "800,226,098",  # miles con coma
        "800,226,098-4",
        "800.226.098-4",
        "800 226 098 - 4",
        "800\xa0226\xa0098",  # espacio de no separación (Excel)
        "800\u202f226\u202f098",  # espacio estrecho de no separación
        "  0800226098  ",
        800226098,
    ],
)
def test_formas_reales_del_nit_se_aceptan(valor: str | int) -> None:
    assert normalizar_nit(valor) == "800226098"


@pytest.mark.parametrize(
    "valor",
    [
        "800226098 - 5",  # dígito equivocado
        "800226098 — 1",
        "800,226,098-0",
    ],
)
def test_digito_equivocado_del_nit_tras_cualquier_guion_se_rechaza(valor: str) -> None:
    with pytest.raises(DatoInvalido, match="para 800226098 es 4") as info:
        normalizar_nit(valor)
    assert info.value.valor == valor


@pytest.mark.parametrize(
    "valor",
    [
        "800.22.6098",  # grupos que no son de tres
        "800226.098.4",
        "800,226,0984",
        "8002,26098",
        "800..226.098",
        "800226098.",
        ".800226098",
        "800/226/098",
        "800_226_098",
        "800\t226\t098",
        "800226098 - 4 - 4",  # dos guiones
        "800226098 -- 4",
        "800226098 - ",
        "800226098 - 44",
        "800226098 - O",
        "NIT 800226098",
        "８００２２６０９８",  # dígitos de ancho completo
    ],
)
def test_formas_del_nit_que_se_rechazan(valor: str) -> None:
    with pytest.raises(DatoInvalido) as info:
        normalizar_nit(valor)
    assert info.value.campo == "nit"
    assert "un NIT son dígitos" in str(info.value)


@given(st.integers(1, 10**15 - 1), st.sampled_from([".", ",", " ", "\xa0"]), st.booleans())
def test_nit_agrupado_de_a_tres_con_su_digito_se_lee(
    numero: int, separador: str, con_digito: bool
) -> None:
    texto = f"{numero:,}".replace(",", separador)
    if con_digito:
        texto += " - " + stdnum_nit.calc_check_digit(str(numero))
    assert normalizar_nit(texto) == str(numero)


def test_nit_compactado_igual_que_stdnum() -> None:
    # Lo que se acepta se compacta como lo hace python-stdnum.
    for texto in ["800.226.098-4", "800,226,098 - 4", "800 226 098–4"]:
        assert normalizar_nit(texto) + "4" == stdnum_nit.compact(texto.replace("–", "-"))


def test_vias_de_registros_y_tablas_coinciden_con_nit_normalizado() -> None:
    # `tablas` no normaliza (docs/tablas.md): con la columna pasada por `normalizar_nit`, las
    # cifras son las de los registros construidos con las formas crudas.
    crudos = ["800226098 - 4", "800,226,098", "900.123.456-8", "900123456", "0800226098"]
    gestores = [Gestor(id="g1", rol="Empresarial", regional="Huila")]
    asignaciones = [Asignacion(gestor="g1", nit=n) for n in ("800226098", "900123456")]
    contactos = [
        Contacto(gestor="g1", nit=n, fecha=date(2012, 3, 1), tipo="nuevo", medio="visita")
        for n in crudos
    ]
    datos = DatosSeguimiento(gestores=gestores, asignaciones=asignaciones, contactos=contactos)
    esperado = informe(datos, Periodo(2012, 3)).filas()
    tabular = informe_tabular(
        gestores=pl.DataFrame({"id": ["g1"], "rol": ["EMPRESARIAL"], "regional": ["41"]}),
        asignaciones=pl.DataFrame({"gestor": ["g1", "g1"], "nit": ["800226098", "900123456"]}),
        contactos=pl.DataFrame(
            {
                "gestor": ["g1"] * len(crudos),
                "nit": [normalizar_nit(n) for n in crudos],
                "fecha": [date(2012, 3, 1)] * len(crudos),
                "tipo": ["NUEVO"] * len(crudos),
                "medio": ["VISITA"] * len(crudos),
            }
        ),
        periodo=Periodo(2012, 3),
    )
    assert a_filas(tabular.filas) == esperado
