"""Pruebas de la base de las enumeraciones: nombres ASCII, `.etiqueta` con tildes, `str()` y
la lectura tolerante `de`."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sena_relacionamiento import DatoInvalido, EnumSena, Rol, SegmentoRegional, TipoEmpresa

ENUMERACIONES: list[type[EnumSena]] = [SegmentoRegional, TipoEmpresa, Rol]
MIEMBROS = [m for e in ENUMERACIONES for m in e]


def sin_tildes(texto: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", texto) if not unicodedata.combining(c))


@pytest.mark.parametrize(
    ("miembro", "etiqueta"),
    [
        (SegmentoRegional.GRANDE, "Grande"),
        (SegmentoRegional.MEDIANA, "Mediana"),
        (SegmentoRegional.PEQUENA, "Pequeña"),
        (TipoEmpresa.A, "Tipo A"),
        (TipoEmpresa.B, "Tipo B"),
        (TipoEmpresa.NO_FOCALIZADA, "No focalizada"),
        (Rol.ESTRATEGICO, "Estratégico"),
        (Rol.EMPRESARIAL, "Empresarial"),
    ],
)
def test_etiqueta_y_str(miembro: EnumSena, etiqueta: str) -> None:
    assert miembro.etiqueta == etiqueta
    assert str(miembro) == etiqueta
    assert f"{miembro}" == etiqueta


@pytest.mark.parametrize("miembro", MIEMBROS, ids=str)
def test_nombres_ascii_y_etiqueta_str(miembro: EnumSena) -> None:
    assert miembro.name.isascii()
    assert miembro.name == miembro.name.upper()
    assert isinstance(miembro.etiqueta, str)


@pytest.mark.parametrize(
    ("valor", "esperado"),
    [
        (SegmentoRegional.PEQUENA, SegmentoRegional.PEQUENA),
        ("PEQUENA", SegmentoRegional.PEQUENA),
        ("pequena", SegmentoRegional.PEQUENA),
        ("Pequeña", SegmentoRegional.PEQUENA),
        ("PEQUEÑA", SegmentoRegional.PEQUENA),
        ("  pequeña ", SegmentoRegional.PEQUENA),
        ("grande", SegmentoRegional.GRANDE),
    ],
)
def test_r3_segmento_de(valor: object, esperado: SegmentoRegional) -> None:
    assert SegmentoRegional.de(valor) is esperado


@pytest.mark.parametrize(
    ("valor", "esperado"),
    [
        ("A", TipoEmpresa.A),
        ("tipo a", TipoEmpresa.A),
        ("Tipo B", TipoEmpresa.B),
        ("NO_FOCALIZADA", TipoEmpresa.NO_FOCALIZADA),
        ("no focalizada", TipoEmpresa.NO_FOCALIZADA),
        ("No Focalizada", TipoEmpresa.NO_FOCALIZADA),
        ("estrategico", Rol.ESTRATEGICO),
        ("ESTRATÉGICO", Rol.ESTRATEGICO),
        ("Empresarial", Rol.EMPRESARIAL),
    ],
)
def test_de_por_nombre_o_etiqueta(valor: str, esperado: EnumSena) -> None:
    assert type(esperado).de(valor) is esperado


@pytest.mark.parametrize(
    ("enumeracion", "valor", "campo"),
    [
        (SegmentoRegional, "enorme", "segmento_regional"),
        (SegmentoRegional, TipoEmpresa.A, "segmento_regional"),
        (TipoEmpresa, "C", "tipo_empresa"),
        (TipoEmpresa, None, "tipo_empresa"),
        (TipoEmpresa, 1, "tipo_empresa"),
        (Rol, "", "rol"),
        (Rol, "Estratégico y empresarial", "rol"),
    ],
)
def test_de_rechaza_lo_desconocido_listando_las_opciones(
    enumeracion: type[EnumSena], valor: object, campo: str
) -> None:
    with pytest.raises(DatoInvalido) as info:
        enumeracion.de(valor)
    error = info.value
    assert error.campo == campo
    assert error.valor is valor
    opciones = ", ".join(m.name for m in enumeracion)
    assert f"no es un valor de {enumeracion.__name__}; se esperaba uno de: {opciones}" in str(error)


def test_de_con_campo_explicito() -> None:
    with pytest.raises(DatoInvalido) as info:
        Rol.de("gerente", campo="rol_del_gestor")
    assert info.value.campo == "rol_del_gestor"
    assert str(info.value).startswith("rol_del_gestor: ")


@settings(max_examples=50)
@given(
    st.sampled_from(MIEMBROS),
    st.sampled_from([str.upper, str.lower, str.title, sin_tildes, lambda t: f"  {t}  "]),
    st.booleans(),
)
def test_de_encuentra_cada_miembro_por_nombre_o_etiqueta_como_se_escriba(
    miembro: EnumSena, transformar: Callable[[str], str], por_nombre: bool
) -> None:
    texto = miembro.name if por_nombre else miembro.etiqueta
    assert type(miembro).de(transformar(texto)) is miembro
