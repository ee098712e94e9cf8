"""Pruebas del catálogo de las 33 regionales y de su búsqueda tolerante (R1–R2)."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sena_relacionamiento import REGIONALES, DatoInvalido, Regional, RegionalDesconocida, regional

# R1, copiado de REGLAS.md (no del código): código DANE → nombre corto del SENA.
CATALOGO_R1 = {
    "05": "Antioquia",
    "08": "Atlántico",
    "11": "Distrito Capital",
    "13": "Bolívar",
    "15": "Boyacá",
    "17": "Caldas",
    "18": "Caquetá",
    "19": "Cauca",
    "20": "Cesar",
    "23": "Córdoba",
    "25": "Cundinamarca",
    "27": "Chocó",
    "41": "Huila",
    "44": "Guajira",
    "47": "Magdalena",
    "50": "Meta",
    "52": "Nariño",
    "54": "Norte de Santander",
    "63": "Quindío",
    "66": "Risaralda",
    "68": "Santander",
    "70": "Sucre",
    "73": "Tolima",
    "76": "Valle",
    "81": "Arauca",
    "85": "Casanare",
    "86": "Putumayo",
    "88": "San Andrés",
    "91": "Amazonas",
    "94": "Guainía",
    "95": "Guaviare",
    "97": "Vaupés",
    "99": "Vichada",
}

# R2: alias que la gente escribe de verdad → código.
ALIAS_R2 = {
    "Bogotá": "11",
    "Bogotá D.C.": "11",
    "Bogota DC": "11",
    "Valle del Cauca": "76",
    "La Guajira": "44",
    "Choco": "27",
    "San Andrés y Providencia": "88",
    "Providencia": "88",
    "Archipiélago de San Andrés, Providencia y Santa Catalina": "88",
}

regionales = st.sampled_from(REGIONALES)


def sin_tildes(texto: str) -> str:
    descompuesto = unicodedata.normalize("NFKD", texto)
    return "".join(c for c in descompuesto if not unicodedata.combining(c))


def test_r1_son_33_con_los_codigos_y_nombres_de_la_regla() -> None:
    assert len(REGIONALES) == 33
    assert {r.codigo: r.nombre for r in REGIONALES} == CATALOGO_R1


def test_r1_ordenadas_por_codigo() -> None:
    codigos = [r.codigo for r in REGIONALES]
    assert codigos == sorted(CATALOGO_R1)
    assert list(REGIONALES) == sorted(REGIONALES)


def test_r1_regional_es_inmutable_con_hash_y_str_es_el_nombre() -> None:
    antioquia = regional("05")
    assert str(antioquia) == "Antioquia"
    assert repr(antioquia) == "Regional(codigo='05', nombre='Antioquia')"
    assert {antioquia: 1}[Regional("05", "Antioquia")] == 1
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        antioquia.nombre = "Otra"  # type: ignore[misc]


def test_r1_regional_se_ordena_por_codigo() -> None:
    assert regional("Vichada") > regional("Antioquia")
    assert regional("Amazonas") > regional("Valle")  # 91 > 76


@pytest.mark.parametrize(
    ("codigo", "nombre"),
    [("05", "Huila"), ("5", "Antioquia"), ("00", "Antioquia"), ("61", "Arauca"), ("05", "")],
)
def test_r1_regional_con_codigo_y_nombre_que_no_casan_se_rechaza(codigo: str, nombre: str) -> None:
    with pytest.raises(RegionalDesconocida) as info:
        Regional(codigo, nombre)
    assert info.value.consulta == f"{codigo} {nombre}"


def test_r1_regional_con_codigo_entero_se_rechaza() -> None:
    with pytest.raises(RegionalDesconocida):
        Regional(5, "Antioquia")  # type: ignore[arg-type]


def test_r1_regional_mal_construida_sugiere_por_el_nombre() -> None:
    with pytest.raises(RegionalDesconocida) as info:
        Regional("15", "Boyara")
    assert "Boyacá" in info.value.sugerencias


@pytest.mark.parametrize("consulta", ["05", "5", 5, " 05 ", "005", "Regional 05", "REGIONAL 5"])
def test_r2_busqueda_por_codigo(consulta: str | int) -> None:
    assert regional(consulta) == Regional("05", "Antioquia")


@pytest.mark.parametrize(
    "consulta",
    [
        "Distrito Capital",
        "distrito capital",
        "DISTRITO CAPITAL",
        "  Distrito   Capital  ",
        "Regional Distrito Capital",
        "regional   distrito capital",
        "Bogotá",
        "BOGOTA D.C.",
        "Regional Bogotá D.C.",
        11,
        "11",
    ],
)
def test_r2_busqueda_por_nombre_mayusculas_tildes_espacios_y_prefijo(consulta: str | int) -> None:
    assert regional(consulta).codigo == "11"


@pytest.mark.parametrize(("alias", "codigo"), ALIAS_R2.items())
def test_r2_cada_alias(alias: str, codigo: str) -> None:
    assert regional(alias).codigo == codigo
    assert regional(alias.upper()).codigo == codigo
    assert regional("Regional " + alias).codigo == codigo


def test_r2_una_regional_se_devuelve_tal_cual() -> None:
    huila = regional("Huila")
    assert regional(huila) is huila


@pytest.mark.parametrize(
    ("errata", "sugerida"), [("Boyara", "Boyacá"), ("Valle del Cuca", "Valle")]
)
def test_r2_las_erratas_de_la_circular_se_rechazan_con_sugerencia(
    errata: str, sugerida: str
) -> None:
    with pytest.raises(RegionalDesconocida) as info:
        regional(errata)
    assert info.value.consulta == errata
    assert sugerida in info.value.sugerencias
    assert f"¿quiso decir {sugerida}" in str(info.value)


def test_r2_sugerencias_sin_repetir_nombres() -> None:
    # "Bogota" y "Bogota D.C." llevan ambos a Distrito Capital: se sugiere una sola vez.
    with pytest.raises(RegionalDesconocida) as info:
        regional("Bogote")
    assert info.value.sugerencias.count("Distrito Capital") == 1
    assert "Distrito Capital" in info.value.sugerencias


def test_r2_sugerencias_ignoran_el_prefijo_regional() -> None:
    with pytest.raises(RegionalDesconocida) as info:
        regional("Regional Antioqia")
    assert info.value.sugerencias[0] == "Antioquia"


@pytest.mark.parametrize(
    "consulta",
    [
        "Narnia",
        "",
        "   ",
        "Regional",
        "Colombia",
        "00",
        "0",
        "12",
        "100",
        "5.0",
        "-5",
        "0 5",
        "٠٥",  # dígitos arábigos: los códigos se escriben con dígitos ASCII
        None,
        5.0,
        Decimal(5),
        True,
        False,
        -5,
        0,
        12,
        100,
        ("05",),
    ],
)
def test_r2_lo_desconocido_se_rechaza(consulta: object) -> None:
    with pytest.raises(RegionalDesconocida) as info:
        regional(consulta)  # type: ignore[arg-type]
    assert info.value.consulta is consulta
    assert isinstance(info.value, DatoInvalido)
    assert str(info.value).startswith("regional: no es una regional del SENA")


def test_r2_un_entero_enorme_se_rechaza_sin_romper_el_mensaje() -> None:
    with pytest.raises(RegionalDesconocida, match="demasiado largo"):
        regional(10**5000)


def test_r2_lo_que_no_es_texto_no_trae_sugerencias() -> None:
    with pytest.raises(RegionalDesconocida) as info:
        regional(None)  # type: ignore[arg-type]
    assert info.value.sugerencias == ()


@settings(max_examples=50)
@given(regionales)
def test_r2_cada_regional_se_encuentra_por_codigo_nombre_sin_tildes_y_en_mayusculas(
    r: Regional,
) -> None:
    assert regional(r.codigo) is r
    assert regional(int(r.codigo)) is r
    assert regional(str(int(r.codigo))) is r
    assert regional(r.nombre) is r
    assert regional(sin_tildes(r.nombre)) is r
    assert regional(r.nombre.upper()) is r
    assert regional(sin_tildes(r.nombre).upper()) is r
    assert regional(f"  regional  {r.nombre.lower()} ") is r


@settings(max_examples=50)
@given(
    st.one_of(
        regionales,
        st.sampled_from(REGIONALES).map(lambda r: r.nombre),
        st.sampled_from(REGIONALES).map(lambda r: r.codigo),
        st.sampled_from(sorted(ALIAS_R2)),
        st.integers(min_value=0, max_value=99),
        st.text(max_size=12),
    )
)
def test_r2_buscar_lo_encontrado_lo_devuelve_igual(consulta: str | int | Regional) -> None:
    try:
        encontrada = regional(consulta)
    except RegionalDesconocida:
        return
    assert regional(encontrada) is encontrada
    assert regional(encontrada.codigo) is encontrada
    assert regional(encontrada.nombre) is encontrada


@settings(max_examples=50)
@given(st.integers().filter(lambda n: f"{n:02d}" not in CATALOGO_R1))
def test_r2_un_entero_que_no_es_codigo_se_rechaza(n: int) -> None:
    with pytest.raises(RegionalDesconocida):
        regional(n)
