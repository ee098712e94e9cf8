"""Fuzzing de la API pública: ninguna función ni constructor de `sena_relacionamiento.__all__`
deja escapar otra excepción que las del árbol `ErrorSena`, con valores de tipos equivocados
(None, booleanos, flotantes con nan e inf, enteros enormes y negativos, texto Unicode raro,
bytes, colecciones vacías y grandes, fechas y `datetime` con zonas raras).

Excepciones deliberadas (documentadas en docs/garantias.md):

- Las clases de error (`ErrorSena` y sus subclases) no se prueban como entradas: la biblioteca
  las construye con argumentos bien formados.
- Llamar a una enumeración (``Rol(x)``) es la búsqueda por valor de `enum.Enum` y lanza su
  `ValueError`; la lectura tolerante de la biblioteca es ``Rol.de(x)``, que sí se prueba.
- ``<``, ``<=``, ``>`` y ``>=`` entre un lapso y un tipo ajeno devuelven `NotImplemented` y
  Python lanza `TypeError` (`test_comparar_lapso_con_otro_tipo_es_type_error`).
- Las tablas constantes (`MATRIZ_RELACIONAMIENTO`, `POLITICA_ACCESO`) son mapeos: una clave
  ajena es un `KeyError`, como en cualquier `Mapping`.
"""

from __future__ import annotations

import enum
import inspect
import math
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sena_relacionamiento as sr
from sena_relacionamiento import (
    PARAMETROS_2012,
    REGIONALES,
    Accion,
    Asignacion,
    CarpetaCompartida,
    DatosSeguimiento,
    ErrorSena,
    Periodo,
    Rol,
    RolUsuario,
    Trimestre,
    Usuario,
    Vigencia,
    informe,
    relacionamiento,
)
from sena_relacionamiento.testing import un_conjunto_de_datos

AJUSTES = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


class _ZonaFueraDeRango(tzinfo):
    """Una zona cuyo desfase pasa de 24 horas: `datetime` lo rechaza con `ValueError`."""

    def utcoffset(self, dt: datetime | None) -> timedelta:
        return timedelta(hours=30)

    def dst(self, dt: datetime | None) -> timedelta:
        return timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        return "UTC+30"


class _ZonaQueNoEsTimedelta(tzinfo):
    """Una zona cuyo desfase no es un `timedelta`: `datetime` lo rechaza con `TypeError`."""

    def utcoffset(self, dt: datetime | None) -> Any:
        return "5 horas"

    def dst(self, dt: datetime | None) -> None:
        return None

    def tzname(self, dt: datetime | None) -> str:
        return "rara"


class _ZonaSinDesfase(tzinfo):
    """Una zona que no sabe su desfase: el `datetime` cuenta como ingenuo."""

    def utcoffset(self, dt: datetime | None) -> None:
        return None

    def dst(self, dt: datetime | None) -> None:
        return None

    def tzname(self, dt: datetime | None) -> None:
        return None


ZONAS_RARAS: list[tzinfo] = [
    UTC,
    timezone(timedelta(hours=14)),
    timezone(timedelta(hours=-23, minutes=-59)),
    _ZonaFueraDeRango(),
    _ZonaQueNoEsTimedelta(),
    _ZonaSinDesfase(),
]

_texto_raro = st.text(
    alphabet=st.characters(codec=None, exclude_categories=()), max_size=30
) | st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "٢٠١٢-٠٣",
        "²",
        "$ 1.000,5",
        "NaN",
        "-5",
        "Ｈｕｉｌａ",
        "𝓗𝓾𝓲𝓵𝓪",
        "2012-13",
        "\u200b",
    ]
)

RAROS: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([math.nan, math.inf, -math.inf, -0.0, 1e308]),
    st.integers(),
    st.sampled_from([10**100, -(10**30), 2**63, -1, 0, 10**4300 - 1]),
    st.decimals(allow_nan=True, allow_infinity=True),
    _texto_raro,
    st.binary(max_size=20),
    st.sampled_from([[], (), {}, set(), frozenset(), [None] * 1000, tuple(range(1000))]),
    st.lists(st.integers() | st.text(max_size=3), max_size=5),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=3),
    st.dates(),
    st.sampled_from([date.min, date.max, datetime.min, datetime.max]),
    st.builds(
        lambda momento, zona: momento.replace(tzinfo=zona),
        st.datetimes(),
        st.sampled_from(ZONAS_RARAS),
    ),
    st.timedeltas(),
    st.sampled_from([object(), type, print, Ellipsis, NotImplemented, 1j]),
)

_DATOS = un_conjunto_de_datos(regionales=("Huila", "Meta"))
_GESTOR = _DATOS.gestores[0]
_USUARIOS = [
    Usuario("g-41", RolUsuario.GESTOR, "Huila"),
    Usuario("c-41", RolUsuario.COORDINADOR, "Huila"),
    Usuario("dg", RolUsuario.DIRECCION_GENERAL),
    Usuario("prop", RolUsuario.PROPIETARIA_CARPETA),
]
_CARPETA = CarpetaCompartida(
    _USUARIOS[3], [Usuario(f"c-{r.codigo}", "coordinador", r) for r in REGIONALES]
)
_INFORME = informe(_DATOS, Periodo(2012, 3))

# Valores válidos que se mezclan con los raros para llegar más adentro de cada función.
VALIDOS: list[Any] = [
    "Huila",
    "05",
    5,
    REGIONALES[0],
    date(2012, 3, 1),
    datetime(2012, 3, 26, 3, tzinfo=UTC),
    Periodo(2012, 3),
    Trimestre(2012, 1),
    Vigencia(2012),
    _GESTOR,
    _GESTOR.id,
    [_GESTOR],
    list(_DATOS.asignaciones),
    [Asignacion(gestor="x", nit="1")],
    "900.123.456-8",
    900123456,
    100_000_000,
    Decimal("250000000.50"),
    "$ 100.000.000",
    Rol.EMPRESARIAL,
    "empresarial",
    "Nuevo",
    "visita",
    "PYMES",
    "regional",
    Accion.CONSULTAR_REGIONAL,
    "consultar nacional",
    *_USUARIOS,
    _DATOS,
    PARAMETROS_2012,
    True,
    False,
    0,
    3,
    25,
    2012,
    "es_CO",
]

ARGUMENTO = RAROS | st.sampled_from(VALIDOS)

_NO_SON_ENTRADAS = {
    # Clases de error: ver el docstring del módulo.
    "AccesoDenegado",
    "DatoInvalido",
    "DependenciaFaltante",
    "ErrorSena",
    "RegionalDesconocida",
    "RegistroInconsistente",
    "SinDestino",
}


def _llamables() -> dict[str, Callable[..., Any]]:
    """Cada función y constructor de `__all__` (las enumeraciones, por su `.de`)."""
    objetivos: dict[str, Callable[..., Any]] = {}
    for nombre in sr.__all__:
        objeto = getattr(sr, nombre)
        if nombre in _NO_SON_ENTRADAS or not callable(objeto):
            continue
        if isinstance(objeto, type) and issubclass(objeto, sr.EnumSena):
            objetivos[f"{nombre}.de"] = objeto.de
        elif inspect.isclass(objeto) or inspect.isfunction(objeto):
            objetivos[nombre] = objeto
    periodo = Periodo(2012, 3)
    objetivos.update(
        {
            "Periodo.de": Periodo.de,
            "Periodo.parse": Periodo.parse,
            "Trimestre.de": Trimestre.de,
            "Trimestre.parse": Trimestre.parse,
            "Vigencia.de": Vigencia.de,
            "Vigencia.parse": Vigencia.parse,
            "Periodo.fecha_entrega": periodo.fecha_entrega,
            "Periodo.etiqueta": periodo.etiqueta,
            "Trimestre.etiqueta": periodo.trimestre.etiqueta,
            "Vigencia.etiqueta": periodo.vigencia.etiqueta,
            "Periodo.__contains__": periodo.__contains__,
            "Parametros.fuente": PARAMETROS_2012.fuente,
            "Parametros.segmento": PARAMETROS_2012.segmento,
            "Parametros.meta_sismeg": PARAMETROS_2012.meta_sismeg,
            "Parametros.bandas": PARAMETROS_2012.bandas,
            "Parametros.plantilla": PARAMETROS_2012.plantilla,
            "Parametros.desde_toml": sr.Parametros.desde_toml,
            "Parametros.evolve": lambda **c: attrs.evolve(PARAMETROS_2012, **c),
            "Relacionamiento.admite": relacionamiento("PYMES").admite,
            "CarpetaCompartida.puede": _CARPETA.puede,
            "CarpetaCompartida.exigir": _CARPETA.exigir,
            "CarpetaCompartida.coordinador": _CARPETA.coordinador,
            "Informe.regional": _INFORME.regional,
            "Informe.gestor": _INFORME.gestor,
            "Informe.rol": _INFORME.rol,
            "DatosSeguimiento.evolve": lambda **c: attrs.evolve(_DATOS, **c),
        }
    )
    return objetivos


OBJETIVOS = _llamables()


def _parametros(objetivo: Callable[..., Any]) -> list[inspect.Parameter]:
    if objetivo is OBJETIVOS["Parametros.evolve"]:
        return [
            inspect.Parameter(a.name, inspect.Parameter.KEYWORD_ONLY, default=None)
            for a in attrs.fields(sr.Parametros)
        ]
    if objetivo is OBJETIVOS["DatosSeguimiento.evolve"]:
        return [
            inspect.Parameter(a.name, inspect.Parameter.KEYWORD_ONLY, default=None)
            for a in attrs.fields(DatosSeguimiento)
            if a.init
        ]
    firma = inspect.signature(objetivo)
    return [
        p
        for p in firma.parameters.values()
        if p.kind not in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
    ]


def _llamar(objetivo: Callable[..., Any], datos: st.DataObject) -> None:
    posicionales: list[Any] = []
    nombrados: dict[str, Any] = {}
    for p in _parametros(objetivo):
        obligatorio = p.default is inspect.Parameter.empty
        if not obligatorio and not datos.draw(st.booleans(), label=f"¿{p.name}?"):
            continue
        valor = datos.draw(ARGUMENTO, label=p.name)
        if p.kind is inspect.Parameter.POSITIONAL_ONLY:
            posicionales.append(valor)
        else:
            nombrados[p.name] = valor
    try:
        objetivo(*posicionales, **nombrados)
    except ErrorSena:
        pass
    except RecursionError:  # pragma: no cover - solo si algo se llamara a sí mismo
        raise


@pytest.mark.parametrize("nombre", sorted(OBJETIVOS))
@AJUSTES
@given(datos=st.data())
def test_solo_escapan_errores_sena(nombre: str, datos: st.DataObject) -> None:
    """Con argumentos de cualquier tipo, o devuelve algo o lanza un `ErrorSena`."""
    _llamar(OBJETIVOS[nombre], datos)


def test_cada_nombre_publico_llamable_se_prueba() -> None:
    """Ningún llamable de `__all__` queda fuera del fuzzing sin una razón escrita."""
    for nombre in sr.__all__:
        objeto = getattr(sr, nombre)
        if not callable(objeto) or nombre in _NO_SON_ENTRADAS:
            continue
        if isinstance(objeto, type) and issubclass(objeto, enum.Enum):
            assert f"{nombre}.de" in OBJETIVOS
        else:
            assert nombre in OBJETIVOS, nombre


@AJUSTES
@given(otro=RAROS)
def test_comparar_lapso_con_otro_tipo_es_type_error(otro: Any) -> None:
    """Excepción deliberada: ``<`` con un tipo ajeno devuelve `NotImplemented` (TypeError)."""
    periodo = Periodo(2012, 3)
    assert (periodo == otro) is False
    with pytest.raises(TypeError):
        _ = periodo < otro


@AJUSTES
@given(dia=st.integers(1, 28), otro=st.sampled_from([Periodo, Trimestre, Vigencia]))
def test_comparar_lapsos_de_otro_corte_es_dato_invalido(dia: int, otro: type[Any]) -> None:
    """Ordenar lapsos de días de corte distintos es un `DatoInvalido`; de otra clase de
    lapso, un `TypeError` (NotImplemented)."""
    periodo = Periodo(2012, 3)
    ajeno = otro(2012, *((1,) if otro is not Vigencia else ()), dia_corte=dia)
    if otro is not Periodo:
        with pytest.raises(TypeError):
            _ = periodo < ajeno
    elif dia != 25:
        with pytest.raises(sr.DatoInvalido):
            _ = periodo < ajeno
    else:
        assert (periodo < ajeno) is False


def test_un_entero_gigante_no_rompe_el_mensaje() -> None:
    """Un entero de miles de dígitos (que `repr` no puede convertir) da un `DatoInvalido`
    legible, no un `ValueError` de Python."""
    if not hasattr(sys, "set_int_max_str_digits"):  # pragma: no cover - Python < 3.11
        pytest.skip("sin límite de dígitos")
    with pytest.raises(sr.DatoInvalido, match="demasiado largo"):
        sr.validar_pesos(-(10**5000))
