"""Estrategias de `hypothesis` para cada tipo público y para `DatosSeguimiento` coherentes.

Necesita el extra ``pruebas`` (``pip install 'sena-relacionamiento[pruebas]'``); sin
`hypothesis`, importar este módulo es un `DependenciaFaltante`. Con el extra instalado,
`hypothesis` llama al punto de entrada del paquete (`testing._punto_de_entrada`), y
``st.from_type(Contacto)`` funciona en cualquier suite.

>>> from hypothesis import given, settings
>>> @settings(max_examples=5, database=None)
... @given(datos_seguimiento(regionales=["Huila"], max_gestores=2))
... def prueba(datos):
...     assert all(g.regional.nombre == "Huila" for g in datos.gestores)
>>> prueba()
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any, Final, TypeVar

import attrs

from sena_relacionamiento.errores import DependenciaFaltante

try:
    from hypothesis import strategies as st
except ImportError:
    raise DependenciaFaltante("hypothesis", "pruebas") from None

from stdnum.co import nit as stdnum_nit

from sena_relacionamiento.acceso import CarpetaCompartida, RolUsuario, Usuario
from sena_relacionamiento.datos import DatosSeguimiento
from sena_relacionamiento.enrutamiento import Destino, TipoDestino
from sena_relacionamiento.enumeraciones import Rol
from sena_relacionamiento.informe import Informe, informe
from sena_relacionamiento.parametros import PARAMETROS_2012, Parametros
from sena_relacionamiento.periodos import Periodo, Trimestre, Vigencia
from sena_relacionamiento.regionales import REGIONALES, ConsultaRegional, Regional, regional
from sena_relacionamiento.registros import (
    Ambiente,
    Asignacion,
    Contacto,
    ContratoAprendizaje,
    EmpresaCuota,
    Evento,
    Gestor,
    LogroSismeg,
    MedioContacto,
    ServicioUsado,
    Solicitud,
    TipoContacto,
)
from sena_relacionamiento.relacionamiento import (
    MATRIZ_RELACIONAMIENTO,
    Relacionamiento,
)
from sena_relacionamiento.testing import _punto_de_entrada
from sena_relacionamiento.testing.constructores import PERIODO, SERVICIOS

__all__ = [
    "ambientes",
    "asignaciones",
    "carpetas",
    "contactos",
    "contratos",
    "datos_seguimiento",
    "destinos",
    "empresas_cuota",
    "eventos",
    "fechas",
    "gestores",
    "ids",
    "informes",
    "logros",
    "montos",
    "nits",
    "parametros",
    "periodos",
    "regionales",
    "registrar_estrategias",
    "relacionamientos",
    "servicios_usados",
    "solicitudes",
    "trimestres",
    "usuarios",
    "vigencias",
]

T = TypeVar("T")
Estrategia = st.SearchStrategy

_ANIOS: Final = st.integers(1990, 2100)
_DIAS_DE_CORTE: Final = st.integers(1, 28)
_TEXTOS: Final = st.text(
    alphabet=st.characters(categories=("L", "N"), max_codepoint=0x2FFF), min_size=1, max_size=12
)
_RAZONES: Final = ("Rueda de negocios", "Socialización del portafolio", "Feria de empleo")
_UNA_RAZON: Final = st.sampled_from(_RAZONES)
_SERVICIOS: Final = st.sampled_from(SERVICIOS)
_DEMORAS: Final = st.none() | st.integers(0, 40)
_ASISTENTES: Final = st.integers(0, 500)


def _o(estrategia: Estrategia[T] | None, defecto: Estrategia[T]) -> Estrategia[T]:
    return defecto if estrategia is None else estrategia


def regionales() -> Estrategia[Regional]:
    """Una de las 33 regionales del catálogo."""
    return st.sampled_from(REGIONALES)


def _anios(anio: int | None) -> Estrategia[int]:
    return _ANIOS if anio is None else st.just(anio)


def _dias(dia_corte: int | None) -> Estrategia[int]:
    return _DIAS_DE_CORTE if dia_corte is None else st.just(dia_corte)


def periodos(*, anio: int | None = None, dia_corte: int | None = 25) -> Estrategia[Periodo]:
    """Un `Periodo` del año `anio` (cualquiera entre 1990 y 2100 si es `None`) con el día de
    corte dado (cualquiera de 1 a 28 si es `None`)."""
    return st.builds(Periodo, _anios(anio), st.integers(1, 12), dia_corte=_dias(dia_corte))


def trimestres(*, anio: int | None = None, dia_corte: int | None = 25) -> Estrategia[Trimestre]:
    """Un `Trimestre`, con las mismas perillas que `periodos`."""
    return st.builds(Trimestre, _anios(anio), st.integers(1, 4), dia_corte=_dias(dia_corte))


def vigencias(*, anio: int | None = None, dia_corte: int | None = 25) -> Estrategia[Vigencia]:
    """Una `Vigencia`, con las mismas perillas que `periodos`."""
    return st.builds(Vigencia, _anios(anio), dia_corte=_dias(dia_corte))


@st.composite
def _parametros(dibujar: Any, dia_corte: int | None) -> Parametros:
    verde = dibujar(st.integers(50, 100)) / Decimal(100)
    amarillo = dibujar(st.integers(0, int(verde * 100))) / Decimal(100)
    return attrs.evolve(
        PARAMETROS_2012,
        dia_corte=dibujar(_dias(dia_corte)),
        umbral_verde=verde,
        umbral_amarillo=amarillo,
    )


def parametros(*, dia_corte: int | None = None) -> Estrategia[Parametros]:
    """`PARAMETROS_2012` con otro día de corte (cualquiera de 1 a 28 si es `None`) y otros
    umbrales del semáforo (el amarillo nunca por encima del verde)."""
    return _parametros(dia_corte)


def nits(*, formatos: bool = True) -> Estrategia[str | int]:
    """Un NIT válido: como entero o, si `formatos`, también como texto con puntos, ceros a la
    izquierda o con su dígito de verificación correcto tras un guion."""
    base = st.integers(1, 10**12 - 1)
    if not formatos:
        return base.map(str)

    def escribir(numero: int, forma: int) -> str | int:
        texto = str(numero)
        if forma == 0:
            return numero
        if forma == 1:
            return f"{numero:,}".replace(",", ".")
        if forma == 2:
            return "0" + texto
        return f"{texto}-{stdnum_nit.calc_check_digit(texto)}"

    return st.builds(escribir, base, st.integers(0, 3))


def fechas(
    *, inicio: date = date(2011, 11, 1), fin: date = date(2013, 1, 31), con_hora: bool = False
) -> Estrategia[Any]:
    """Una fecha entre `inicio` y `fin`; con `con_hora`, también `datetime` ingenuos (hora de
    Bogotá) o con zona (UTC) cuya fecha de Bogotá cae en ese rango (R11)."""
    dias = st.dates(min_value=inicio, max_value=fin)
    if not con_hora:
        return dias

    def con_zona(dia: date, segundos: int, utc: bool) -> datetime:
        momento = datetime(dia.year, dia.month, dia.day) + timedelta(seconds=segundos)
        return (
            momento.replace(tzinfo=timezone(timedelta(hours=-5))).astimezone(UTC)
            if utc
            else momento
        )

    return dias | st.builds(con_zona, dias, st.integers(0, 86_399), st.booleans())


def ids(*, prefijo: str = "") -> Estrategia[str]:
    """Un id (de gestor, de solicitud, de usuario): letras y dígitos, ya normalizado."""
    return _TEXTOS.map(lambda texto: prefijo + texto)


def montos() -> Estrategia[int | Decimal]:
    """Un monto en pesos: entero o `Decimal` con centavos, nunca negativo (R5)."""
    return st.integers(0, 10**12) | st.decimals(
        min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False
    )


def _fechas_de(fecha: Estrategia[Any] | None) -> Estrategia[Any]:
    return _o(fecha, fechas())


def gestores(
    *,
    id: Estrategia[str] | None = None,
    rol: Estrategia[Rol] | None = None,
    regional: Estrategia[Regional] | None = None,
) -> Estrategia[Gestor]:
    """Un `Gestor`; cada perilla reemplaza la estrategia de su campo."""
    return st.builds(
        Gestor,
        id=_o(id, ids(prefijo="g")),
        rol=_o(rol, st.sampled_from(Rol)),
        regional=_o(regional, regionales()),
    )


def asignaciones(
    *, gestor: Estrategia[str] | None = None, nit: Estrategia[Any] | None = None
) -> Estrategia[Asignacion]:
    """Una `Asignacion`."""
    return st.builds(Asignacion, gestor=_o(gestor, ids(prefijo="g")), nit=_o(nit, nits()))


def contactos(
    *,
    gestor: Estrategia[str] | None = None,
    nit: Estrategia[Any] | None = None,
    fecha: Estrategia[Any] | None = None,
) -> Estrategia[Contacto]:
    """Un `Contacto`."""
    return st.builds(
        Contacto,
        gestor=_o(gestor, ids(prefijo="g")),
        nit=_o(nit, nits()),
        fecha=_fechas_de(fecha),
        tipo=st.sampled_from(TipoContacto),
        medio=st.sampled_from(MedioContacto),
    )


def servicios_usados(
    *,
    nit: Estrategia[Any] | None = None,
    fecha: Estrategia[Any] | None = None,
    gestor: Estrategia[str | None] | None = None,
) -> Estrategia[ServicioUsado]:
    """Un `ServicioUsado`, con o sin gestor que lo registró."""
    return st.builds(
        ServicioUsado,
        nit=_o(nit, nits()),
        fecha=_fechas_de(fecha),
        servicio=_SERVICIOS,
        gestor=_o(gestor, st.none() | ids(prefijo="g")),
    )


@st.composite
def _solicitud(
    dibujar: Any,
    id: Estrategia[str],
    regional: Estrategia[Regional],
    gestor: Estrategia[str | None],
    fecha: Estrategia[Any],
) -> Solicitud:
    recibida = dibujar(fecha)
    demora = dibujar(_DEMORAS)
    return Solicitud(
        id=dibujar(id),
        fecha=recibida,
        servicio=dibujar(_SERVICIOS),
        regional=dibujar(regional),
        gestor=dibujar(gestor),
        nit=dibujar(st.none() | nits()),
        fecha_gestion=None if demora is None else recibida + timedelta(days=demora),
    )


def solicitudes(
    *,
    id: Estrategia[str] | None = None,
    regional: Estrategia[Regional] | None = None,
    gestor: Estrategia[str | None] | None = None,
    fecha: Estrategia[date] | None = None,
) -> Estrategia[Solicitud]:
    """Una `Solicitud`; su fecha de gestión, si la tiene, nunca es anterior a la de
    recepción."""
    return _solicitud(
        _o(id, ids(prefijo="s")),
        _o(regional, regionales()),
        _o(gestor, st.none() | ids(prefijo="g")),
        _o(fecha, fechas()),
    )


def ambientes(
    *, gestor: Estrategia[str] | None = None, fecha: Estrategia[Any] | None = None
) -> Estrategia[Ambiente]:
    """Un `Ambiente`."""
    return st.builds(
        Ambiente,
        gestor=_o(gestor, ids(prefijo="g")),
        fecha=_fechas_de(fecha),
        valor=montos(),
        cantidad=st.integers(1, 5),
    )


@st.composite
def _empresa_con_cuota(dibujar: Any) -> tuple[bool, int]:
    obligada = dibujar(st.booleans())
    return obligada, dibujar(st.integers(1, 5)) if obligada else 0


def contratos(
    *,
    nit: Estrategia[Any] | None = None,
    regional: Estrategia[Regional] | None = None,
    fecha: Estrategia[Any] | None = None,
) -> Estrategia[ContratoAprendizaje]:
    """Un `ContratoAprendizaje` (una empresa no obligada tiene cuota 0)."""
    return st.builds(
        lambda nit, regional, fecha, empresa: ContratoAprendizaje(
            nit=nit, regional=regional, fecha=fecha, obligada=empresa[0], cuota_regulada=empresa[1]
        ),
        _o(nit, nits()),
        _o(regional, regionales()),
        _fechas_de(fecha),
        _empresa_con_cuota(),
    )


@st.composite
def _empresa_cuota(
    dibujar: Any, nit: Estrategia[Any], gestor: Estrategia[str | None]
) -> EmpresaCuota:
    cuota = dibujar(st.integers(0, 5))
    return EmpresaCuota(
        nit=dibujar(nit),
        cuota_regulada=cuota,
        monetiza=cuota > 0 and dibujar(st.booleans()),
        gestor=dibujar(gestor),
    )


def empresas_cuota(
    *, nit: Estrategia[Any] | None = None, gestor: Estrategia[str | None] | None = None
) -> Estrategia[EmpresaCuota]:
    """Una `EmpresaCuota`; solo monetiza si tiene cuota regulada."""
    return _empresa_cuota(_o(nit, nits()), _o(gestor, st.none() | ids(prefijo="g")))


def eventos(
    *,
    regional: Estrategia[Regional] | None = None,
    gestor: Estrategia[str | None] | None = None,
    fecha: Estrategia[Any] | None = None,
) -> Estrategia[Evento]:
    """Un `Evento`."""
    return st.builds(
        Evento,
        regional=_o(regional, regionales()),
        fecha=_fechas_de(fecha),
        asistentes=_ASISTENTES,
        razon=_UNA_RAZON,
        gestor=_o(gestor, st.none() | ids(prefijo="g")),
    )


def logros(
    *, gestor: Estrategia[str] | None = None, fecha: Estrategia[Any] | None = None
) -> Estrategia[LogroSismeg]:
    """Un `LogroSismeg`."""
    return st.builds(
        LogroSismeg,
        gestor=_o(gestor, ids(prefijo="g")),
        fecha=_fechas_de(fecha),
        formados=st.integers(0, 1_000),
        empleos=st.integers(0, 100),
    )


@st.composite
def _usuario(dibujar: Any, rol: Estrategia[RolUsuario]) -> Usuario:
    el_rol = dibujar(rol)
    con_regional = el_rol in (RolUsuario.GESTOR, RolUsuario.COORDINADOR)
    return Usuario(
        id=dibujar(ids(prefijo="u")),
        rol=el_rol,
        regional=dibujar(regionales()) if con_regional else None,
    )


def usuarios(*, rol: Estrategia[RolUsuario] | None = None) -> Estrategia[Usuario]:
    """Un `Usuario`: con regional si es gestor o coordinador, sin ella si no."""
    return _usuario(_o(rol, st.sampled_from(RolUsuario)))


def carpetas() -> Estrategia[CarpetaCompartida]:
    """Una `CarpetaCompartida` con un coordinador por cada una de las 33 regionales."""
    return st.builds(
        lambda prefijo: CarpetaCompartida(
            Usuario(id=f"{prefijo}-propietaria", rol=RolUsuario.PROPIETARIA_CARPETA),
            [
                Usuario(id=f"{prefijo}-{r.codigo}", rol=RolUsuario.COORDINADOR, regional=r)
                for r in REGIONALES
            ],
        ),
        ids(),
    )


def destinos() -> Estrategia[Destino]:
    """Un `Destino` de una solicitud del CRM."""
    return st.builds(
        Destino,
        tipo=st.sampled_from(TipoDestino),
        id=ids(),
        motivo=st.sampled_from(("empresa asignada", "gestor disponible", "líder de centro")),
    )


def relacionamientos() -> Estrategia[Relacionamiento]:
    """Una fila de la matriz de relacionamiento (R6)."""
    return st.sampled_from(tuple(MATRIZ_RELACIONAMIENTO.values()))


@st.composite
def _datos(
    dibujar: Any,
    consultas: tuple[Regional, ...] | None,
    periodo: Periodo,
    max_gestores: int,
    max_empresas: int,
    max_registros: int,
    con_huerfanos: bool,
) -> DatosSeguimiento:
    pool = consultas or REGIONALES
    regs: list[Regional] = dibujar(
        st.lists(st.sampled_from(pool), min_size=1, max_size=min(3, len(pool)), unique=True)
    )
    del_anio = fechas(
        inicio=periodo.vigencia.inicio - timedelta(days=40),
        fin=periodo.fin + timedelta(days=40),
    )
    lista = st.lists
    un_rol = st.sampled_from(Rol)
    gestores_ = [
        Gestor(id=i, rol=dibujar(un_rol), regional=dibujar(st.sampled_from(regs)))
        for i in dibujar(lista(ids(prefijo="g"), max_size=max_gestores, unique=True))
    ]
    huerfano = ["huérfano"] if con_huerfanos else []
    nombres = [g.id for g in gestores_] + huerfano
    de_regional = {r: [g.id for g in gestores_ if g.regional == r] for r in regs}
    empresas = dibujar(
        lista(st.integers(1, 10**12 - 1).map(str), max_size=max_empresas, unique=True)
    )
    dueno: dict[str, Gestor | None] = {
        nit: dibujar(st.none() | st.sampled_from(gestores_)) if gestores_ else None
        for nit in empresas
    }
    asignaciones_ = [Asignacion(gestor=g.id, nit=n) for n, g in dueno.items() if g is not None]
    if asignaciones_ and dibujar(st.booleans()):  # una asignación repetida, al mismo gestor
        asignaciones_.append(dibujar(st.sampled_from(asignaciones_)))
    regional_de = {n: g.regional if g else dibujar(st.sampled_from(regs)) for n, g in dueno.items()}

    def varios(estrategia: Estrategia[T], *requisitos: list[Any]) -> list[T]:
        if not all(requisitos):
            return []
        return list(dibujar(lista(estrategia, max_size=max_registros)))

    una_empresa = st.sampled_from(empresas or [""])
    un_gestor = st.sampled_from(nombres or [""])
    contactos_ = varios(
        contactos(gestor=un_gestor, nit=una_empresa, fecha=del_anio), nombres, empresas
    )
    servicios_ = varios(
        servicios_usados(nit=una_empresa, fecha=del_anio, gestor=st.none() | un_gestor),
        nombres,
        empresas,
    )
    solicitudes_: list[Solicitud] = []
    for n, r in enumerate(varios(st.sampled_from(regs))):
        recibida = dibujar(del_anio)
        demora = dibujar(_DEMORAS)
        solicitudes_.append(
            Solicitud(
                id=f"s{n}",
                fecha=recibida,
                servicio=dibujar(_SERVICIOS),
                regional=r,
                gestor=dibujar(st.sampled_from([None, *de_regional[r], *huerfano])),
                fecha_gestion=None if demora is None else recibida + timedelta(days=demora),
            )
        )
    eventos_ = [
        Evento(
            regional=r,
            fecha=dibujar(del_anio),
            asistentes=dibujar(_ASISTENTES),
            razon=dibujar(_UNA_RAZON),
            gestor=dibujar(st.sampled_from([None, *de_regional[r], *huerfano])),
        )
        for r in varios(st.sampled_from(regs))
    ]
    contratos_: list[ContratoAprendizaje] = []
    for nit in empresas:
        obligada, cuota = dibujar(_empresa_con_cuota())
        for fecha in dibujar(lista(del_anio, max_size=3)):
            contratos_.append(
                ContratoAprendizaje(
                    nit=nit,
                    regional=regional_de[nit],
                    fecha=fecha,
                    obligada=obligada,
                    cuota_regulada=cuota,
                )
            )
    cuotas_ = [
        dibujar(
            empresas_cuota(
                nit=st.just(nit),
                gestor=st.none() if dueno[nit] is None else st.none() | st.just(dueno[nit].id),  # type: ignore[union-attr]
            )
        )
        for nit in (dibujar(st.lists(st.sampled_from(empresas), unique=True)) if empresas else [])
    ]
    return DatosSeguimiento(
        gestores=gestores_,
        asignaciones=asignaciones_,
        contactos=contactos_,
        servicios=servicios_,
        solicitudes=solicitudes_,
        ambientes=varios(ambientes(gestor=un_gestor, fecha=del_anio), nombres),
        contratos=contratos_,
        cuotas=cuotas_,
        eventos=eventos_,
        logros=varios(logros(gestor=un_gestor, fecha=del_anio), nombres),
    )


def datos_seguimiento(
    *,
    regionales: Iterable[ConsultaRegional] | None = None,
    periodo: Periodo = PERIODO,
    max_gestores: int = 4,
    max_empresas: int = 6,
    max_registros: int = 6,
    con_huerfanos: bool = False,
) -> Estrategia[DatosSeguimiento]:
    """Un `DatosSeguimiento` cuyas referencias cuadran: los gestores existen, cada empresa
    está asignada a un solo gestor, las solicitudes y los eventos nombran gestores de su
    propia regional, los contratos de cada empresa coinciden en regional, obligación y cuota
    (la de su gestor, si está asignada) y cada empresa tiene a lo sumo un registro de cuota.

    Perillas: `regionales` (de una a tres de ellas; por defecto, de las 33), `periodo` (las
    fechas caen en su vigencia hasta su corte, con 40 días de margen a cada lado para que
    haya registros excluidos por fecha), los tamaños máximos y `con_huerfanos`, que agrega
    registros que nombran a un gestor inexistente (excluidos por R23).
    """
    consultas = None if regionales is None else tuple(dict.fromkeys(map(regional, regionales)))
    return _datos(consultas, periodo, max_gestores, max_empresas, max_registros, con_huerfanos)


def informes(
    *, datos: Estrategia[DatosSeguimiento] | None = None, periodo: Periodo = PERIODO
) -> Estrategia[Informe]:
    """El `Informe` de `periodo` sobre unos `datos_seguimiento` (con PARAMETROS_2012, así que
    `periodo` debe ser de 2012 con corte 25)."""
    return st.builds(informe, _o(datos, datos_seguimiento(periodo=periodo)), st.just(periodo))


def registrar_estrategias() -> None:
    """Registra una estrategia por cada tipo público en `hypothesis`, para que
    ``st.from_type(Contacto)`` funcione donde el punto de entrada del paquete no corrió
    (``HYPOTHESIS_NO_PLUGINS``): lo mismo que él (`_punto_de_entrada.registrar`). Llamarlo de
    nuevo no cambia nada."""
    _punto_de_entrada.registrar()
