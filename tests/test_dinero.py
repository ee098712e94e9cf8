"""Pruebas del dinero exacto (R5): `validar_pesos` y `parsear_pesos` con la escritura
colombiana (miles con punto, centavos con coma)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sena_relacionamiento import DatoInvalido, parsear_pesos, validar_pesos
from sena_relacionamiento.formato import numero, pesos


@pytest.mark.parametrize(
    ("texto", "esperado"),
    [
        ("$ 100.000.000", Decimal(100_000_000)),
        ("$100.000.000", Decimal(100_000_000)),
        ("2.500", Decimal(2500)),
        ("1.234.567,89", Decimal("1234567.89")),
        ("1.234,50", Decimal("1234.50")),
        ("100000000", Decimal(100_000_000)),
        ("0", Decimal(0)),
        ("12,5", Decimal("12.5")),
        ("0,05", Decimal("0.05")),
        ("  $  7  ", Decimal(7)),
        ("$\xa01.000", Decimal(1000)),
        ("007", Decimal(7)),
    ],
)
def test_r5_parsear_pesos(texto: str, esperado: Decimal) -> None:
    resultado = parsear_pesos(texto)
    assert type(resultado) is Decimal
    assert resultado == esperado


def test_r5_parsear_pesos_conserva_los_centavos_escritos() -> None:
    assert str(parsear_pesos("1.234,50")) == "1234.50"
    assert str(parsear_pesos("2.500")) == "2500"


@pytest.mark.parametrize(
    ("texto", "sugerencias"),
    [
        ("2.50", ("250", "2,5")),
        ("5.0", ("50", "5")),
        ("1,2,3", ("123",)),
        ("1.23.456", ("123.456",)),
        ("1.234,567", ("1.234.567",)),
        ("12,345", ("12.345",)),
        ("1,234,567.89", ("1.234.567,89",)),
        ("01.234", ("1.234",)),
        ("1 000", ("1.000",)),
        ("5,", ("5",)),
    ],
)
def test_r5_lo_mal_escrito_se_rechaza_con_sugerencia(texto: str, sugerencias: tuple[str]) -> None:
    with pytest.raises(DatoInvalido) as info:
        parsear_pesos(texto)
    error = info.value
    assert error.campo == "pesos"
    assert error.valor == texto
    assert "miles con punto, centavos con coma" in str(error)
    assert "¿quiso decir " + " o ".join(sugerencias) + "?" in str(error)
    # cada sugerencia es a su vez una cantidad válida
    for sugerencia in sugerencias:
        parsear_pesos(sugerencia)


@pytest.mark.parametrize(
    ("texto", "motivo"),
    [
        ("-5", "el dinero no puede ser negativo"),
        ("$-5", "el dinero no puede ser negativo"),
        ("- 1.000", "el dinero no puede ser negativo"),
        ("", "no hay ninguna cantidad escrita"),
        ("   ", "no hay ninguna cantidad escrita"),
        ("$", "no hay ninguna cantidad escrita"),
    ],
)
def test_r5_negativos_y_vacios_se_rechazan_explicando(texto: str, motivo: str) -> None:
    with pytest.raises(DatoInvalido) as info:
        parsear_pesos(texto)
    assert str(info.value) == f"pesos: {motivo} (se recibió {texto!r})"


@pytest.mark.parametrize("texto", ["abc", "5-3", "100 $", "$$5", "2,5%", "١٢٣", "1e6", "5 pesos"])
def test_r5_lo_que_no_es_cantidad_se_rechaza_sin_sugerencia(texto: str) -> None:
    with pytest.raises(DatoInvalido) as info:
        parsear_pesos(texto)
    assert "no es una cantidad de pesos" in str(info.value)
    assert "quiso decir" not in str(info.value)


@pytest.mark.parametrize("valor", [2500, Decimal(2500), 2.5, None, b"2.500", ["2.500"]])
def test_r5_parsear_pesos_exige_texto(valor: object) -> None:
    with pytest.raises(DatoInvalido, match="se esperaba texto") as info:
        parsear_pesos(valor)  # type: ignore[arg-type]
    assert info.value.campo == "pesos"


@settings(max_examples=100)
@given(st.integers(min_value=0, max_value=10**24))
def test_r5_un_entero_escrito_por_la_biblioteca_se_lee_de_vuelta(n: int) -> None:
    # Lo que escribe `formato` (no los datos CLDR de babel, que cambian entre versiones).
    assert parsear_pesos(pesos(n)) == n
    assert parsear_pesos(numero(n)) == n
    assert parsear_pesos("$" + numero(n)) == n
    assert parsear_pesos(str(n)) == n


@settings(max_examples=100)
@given(st.decimals(min_value=0, max_value=10**15, places=2, allow_nan=False, allow_infinity=False))
def test_r5_un_decimal_con_centavos_escrito_por_la_biblioteca_se_lee_de_vuelta(d: Decimal) -> None:
    assert parsear_pesos(pesos(d)) == d
    assert parsear_pesos(numero(d)) == d


@pytest.mark.parametrize(
    ("texto", "esperado"),
    [
        # Como los escriben en Colombia: facturas, extractos, Excel con configuración es-CO.
        ("$ 1.234.567,89", Decimal("1234567.89")),
        ("$1.234.567,89", Decimal("1234567.89")),
        ("$\xa01.234.567,89", Decimal("1234567.89")),
        ("$ 50.000.000", Decimal(50_000_000)),
        ("$ 0,50", Decimal("0.50")),
        ("1.000.000.000.000.000.000.000,01", Decimal("1000000000000000000000.01")),
    ],
)
def test_r5_lo_que_escriben_los_colombianos_se_lee(texto: str, esperado: Decimal) -> None:
    assert parsear_pesos(texto) == esperado


@pytest.mark.parametrize(
    ("valor", "texto"),
    [
        (0, "$ 0"),
        (2_500, "$ 2.500"),
        (100_000_000, "$ 100.000.000"),
        (Decimal("1234.5"), "$ 1.234,50"),
        (Decimal("0.05"), "$ 0,05"),
        (Decimal("100.00"), "$ 100"),
    ],
)
def test_r5_la_biblioteca_escribe_pesos_como_en_colombia(valor: Decimal | int, texto: str) -> None:
    # El contrato de `formato.pesos` (R5), no el de CLDR: su patrón es fijo.
    assert pesos(valor) == texto
    assert parsear_pesos(texto) == valor


# --- validar_pesos ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "valor", [0, 1, 100_000_000, 10**20, Decimal(0), Decimal("1234.50"), Decimal("0.01")]
)
def test_r5_validar_pesos_acepta_int_y_decimal(valor: int | Decimal) -> None:
    assert validar_pesos(valor) is valor


@pytest.mark.parametrize(
    ("valor", "mensaje"),
    [
        (2.5, "pesos: el dinero debe ser int o Decimal, nunca float (se recibió 2.5)"),
        (float("inf"), "pesos: el dinero debe ser int o Decimal, nunca float (se recibió inf)"),
        (True, "pesos: el dinero debe ser int o Decimal (se recibió True)"),
        (None, "pesos: el dinero debe ser int o Decimal (se recibió None)"),
        (
            "100",
            "pesos: el dinero debe ser int o Decimal; para leer texto use parsear_pesos() "
            "(se recibió '100')",
        ),
        (
            Decimal("NaN"),
            "pesos: el dinero debe ser un número finito (se recibió NaN)",
        ),
        (
            Decimal("Infinity"),
            "pesos: el dinero debe ser un número finito (se recibió Infinity)",
        ),
        (-1, "pesos: el dinero no puede ser negativo (se recibió -1)"),
        (
            Decimal("-0.01"),
            "pesos: el dinero no puede ser negativo (se recibió -0.01)",
        ),
    ],
)
def test_r5_validar_pesos_rechaza_con_mensaje_en_espanol(valor: object, mensaje: str) -> None:
    with pytest.raises(DatoInvalido) as info:
        validar_pesos(valor)
    assert str(info.value) == mensaje


def test_r5_validar_pesos_nombra_el_campo() -> None:
    with pytest.raises(DatoInvalido) as info:
        validar_pesos(-3, "valor")
    assert info.value.campo == "valor"
    assert str(info.value).startswith("valor: ")


@settings(max_examples=50)
@given(st.floats(allow_nan=True, allow_infinity=True))
def test_r5_ningun_float_es_dinero(x: float) -> None:
    with pytest.raises(DatoInvalido, match="nunca float"):
        validar_pesos(x)
