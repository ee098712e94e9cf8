"""Pruebas de la segmentación de regionales y del tipo de empresa (R3–R5)."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from _reglas import SEGMENTO_R3
from hypothesis import given, settings
from hypothesis import strategies as st

from sena_relacionamiento import (
    PARAMETROS_2012,
    REGIONALES,
    DatoInvalido,
    Regional,
    RegionalDesconocida,
    SegmentoRegional,
    TipoEmpresa,
    regional,
    segmento_regional,
    tipo_empresa,
)

G, M, P = SegmentoRegional.GRANDE, SegmentoRegional.MEDIANA, SegmentoRegional.PEQUENA
A, B, NF = TipoEmpresa.A, TipoEmpresa.B, TipoEmpresa.NO_FOCALIZADA

ORDEN_TIPO = {NF: 0, B: 1, A: 2}

MILLON = 1_000_000


@pytest.mark.parametrize(("nombre", "segmento"), SEGMENTO_R3.items())
def test_r3_segmento_de_cada_regional(nombre: str, segmento: SegmentoRegional) -> None:
    assert segmento_regional(nombre) is segmento
    r = regional(nombre)
    assert segmento_regional(r) is segmento
    assert segmento_regional(r.codigo) is segmento
    assert segmento_regional(int(r.codigo)) is segmento


def test_r3_las_33_tienen_segmento() -> None:
    assert len(SEGMENTO_R3) == 33
    assert {r.nombre for r in REGIONALES} == set(SEGMENTO_R3)


def test_r3_segmento_de_una_regional_desconocida() -> None:
    with pytest.raises(RegionalDesconocida):
        segmento_regional("Boyara")


def test_r3_segmento_con_otros_parametros() -> None:
    cesar_grande = attrs.evolve(
        PARAMETROS_2012, segmentos={**PARAMETROS_2012.segmentos, "Cesar": G}
    )
    assert segmento_regional("Cesar", parametros=cesar_grande) is G
    assert segmento_regional("Cesar") is M


@pytest.mark.parametrize(
    ("aportes", "consulta", "tipo"),
    [
        # piso: «más de $100 millones» es exclusivo
        (0, "Antioquia", NF),
        (100 * MILLON, "Antioquia", NF),
        (100 * MILLON, "Huila", NF),
        (100 * MILLON, "Vichada", NF),
        (100 * MILLON + 1, "Antioquia", B),
        (100 * MILLON + 1, "Huila", B),
        (100 * MILLON + 1, "Vichada", B),
        # techo de las grandes: «hasta $500 millones» es inclusivo
        (500 * MILLON, "Antioquia", B),
        (500 * MILLON + 1, "Antioquia", A),
        (500 * MILLON, "Distrito Capital", B),
        (500 * MILLON + 1, "Valle", A),
        # techo de medianas y pequeñas: «hasta $300 millones»
        (300 * MILLON, "Huila", B),
        (300 * MILLON + 1, "Huila", A),
        (300 * MILLON, "Cesar", B),
        (300 * MILLON + 1, "Cesar", A),
        (300 * MILLON, "Vichada", B),
        (300 * MILLON + 1, "Vichada", A),
        (300 * MILLON + 1, "Antioquia", B),
        (10**15, "Amazonas", A),
    ],
)
def test_r4_tipo_empresa_en_los_limites(aportes: int, consulta: str, tipo: TipoEmpresa) -> None:
    assert tipo_empresa(aportes, consulta) is tipo


@pytest.mark.parametrize(
    ("aportes", "consulta", "tipo"),
    [
        (Decimal("100000000"), "Huila", NF),
        (Decimal("100000000.00"), "Huila", NF),
        (Decimal("100000000.01"), "Huila", B),
        (Decimal("300000000.00"), "Huila", B),
        (Decimal("300000000.01"), "Huila", A),
        (Decimal("500000000.00"), "Antioquia", B),
        (Decimal("500000000.01"), "Antioquia", A),
        (Decimal("0.00"), "Antioquia", NF),
        (Decimal("5E+8"), "Antioquia", B),
    ],
)
def test_r5_tipo_empresa_con_decimal(aportes: Decimal, consulta: str, tipo: TipoEmpresa) -> None:
    assert tipo_empresa(aportes, consulta) is tipo


@pytest.mark.parametrize(
    ("aportes", "motivo"),
    [
        (150_000_000.0, "nunca float"),
        (float("nan"), "nunca float"),
        (True, "int o Decimal"),
        (False, "int o Decimal"),
        (Decimal("NaN"), "finito"),
        (Decimal("sNaN"), "finito"),
        (Decimal("Infinity"), "finito"),
        (Decimal("-Infinity"), "finito"),
        (-1, "negativo"),
        (Decimal("-0.01"), "negativo"),
        ("150000000", "parsear_pesos"),
        ("$ 150.000.000", "parsear_pesos"),
        (None, "int o Decimal"),
    ],
)
def test_r5_tipo_empresa_rechaza_aportes_invalidos(aportes: object, motivo: str) -> None:
    with pytest.raises(DatoInvalido, match=motivo) as info:
        tipo_empresa(aportes, "Antioquia")
    assert info.value.campo == "aportes_anuales"
    assert str(info.value).startswith("aportes_anuales: ")


def test_r2_tipo_empresa_con_regional_desconocida() -> None:
    with pytest.raises(RegionalDesconocida):
        tipo_empresa(200 * MILLON, "Narnia")


@pytest.mark.parametrize("consulta", ["Huila", "41", 41, "regional huila", regional("Huila")])
def test_r4_tipo_empresa_acepta_cualquier_consulta_de_regional(
    consulta: str | int | Regional,
) -> None:
    assert tipo_empresa(400 * MILLON, consulta) is A


def test_r3_r4_cesar_como_grande_cambia_su_techo() -> None:
    cesar_grande = attrs.evolve(PARAMETROS_2012, segmentos={**PARAMETROS_2012.segmentos, "20": G})
    assert tipo_empresa(400 * MILLON, "Cesar") is A
    assert tipo_empresa(400 * MILLON, "Cesar", parametros=cesar_grande) is B
    assert tipo_empresa(500 * MILLON + 1, "Cesar", parametros=cesar_grande) is A
    # las demás regionales no cambian
    assert tipo_empresa(400 * MILLON, "Huila", parametros=cesar_grande) is A


def test_r4_tipo_empresa_con_otros_techos_y_piso() -> None:
    otros = attrs.evolve(
        PARAMETROS_2012,
        piso_tipo_b=50 * MILLON,
        techos_tipo_b={G: 800 * MILLON, M: 400 * MILLON, P: 200 * MILLON},
    )
    assert tipo_empresa(60 * MILLON, "Huila", parametros=otros) is B
    assert tipo_empresa(400 * MILLON, "Huila", parametros=otros) is B
    assert tipo_empresa(250 * MILLON, "Vichada", parametros=otros) is A
    assert tipo_empresa(800 * MILLON, "Antioquia", parametros=otros) is B


aportes = st.one_of(
    st.integers(min_value=0, max_value=10**12),
    st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from([100 * MILLON, 300 * MILLON, 500 * MILLON]).flatmap(
        lambda limite: st.integers(min_value=limite - 2, max_value=limite + 2)
    ),
)


@settings(max_examples=100)
@given(st.sampled_from(REGIONALES), aportes, aportes)
def test_r4_el_tipo_nunca_baja_cuando_suben_los_aportes(
    r: Regional, uno: int | Decimal, otro: int | Decimal
) -> None:
    menor, mayor = sorted([uno, otro])
    assert ORDEN_TIPO[tipo_empresa(menor, r)] <= ORDEN_TIPO[tipo_empresa(mayor, r)]


@settings(max_examples=100)
@given(st.sampled_from(REGIONALES), aportes)
def test_r4_el_tipo_coincide_con_la_definicion(r: Regional, monto: int | Decimal) -> None:
    techo = 500 * MILLON if SEGMENTO_R3[r.nombre] is G else 300 * MILLON
    esperado = NF if monto <= 100 * MILLON else B if monto <= techo else A
    assert tipo_empresa(monto, r) is esperado
