"""`DatosSeguimiento`: los registros de un corte, revisados unos contra otros.

Una contradicción entre registros es un `RegistroInconsistente` que nombra los registros
(una empresa asignada a dos gestores, dos gestores con un mismo id, una solicitud enrutada a un
gestor de otra regional…). Un registro que nombra a un gestor que no existe no bloquea el
informe: queda excluido con ese motivo (R23).

La cartera (R14) y sus exclusiones tienen un gemelo por columnas en `tablas/cartera.py`.

>>> from sena_relacionamiento import Gestor, Asignacion
>>> datos = DatosSeguimiento(
...     gestores=[Gestor(id="g1", rol="Empresarial", regional="Huila")],
...     asignaciones=[Asignacion(gestor="g1", nit="900123456"),
...                   Asignacion(gestor="g9", nit="800123456")],
... )
>>> [(e.registro.gestor, e.motivo) for e in datos.excluidos]
[('g9', <Motivo.GESTOR_DESCONOCIDO: 'gestor desconocido'>)]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from operator import attrgetter
from types import MappingProxyType
from typing import Any, Final, TypeVar

import attrs

from sena_relacionamiento._conversores import tupla_de
from sena_relacionamiento.enumeraciones import EnumSena
from sena_relacionamiento.errores import RegistroInconsistente
from sena_relacionamiento.regionales import Regional
from sena_relacionamiento.registros import (
    Ambiente,
    Asignacion,
    Contacto,
    ContratoAprendizaje,
    EmpresaCuota,
    Evento,
    Gestor,
    LogroSismeg,
    Registro,
    ServicioUsado,
    Solicitud,
)

__all__ = ["TIPOS_DE_REGISTRO", "DatosSeguimiento", "Exclusion", "Motivo", "clave_de_orden"]

R = TypeVar("R")


class Motivo(str, EnumSena):
    """Los motivos de exclusión (R23): una enumeración cuyos miembros son también su texto.

    Es un `EnumSena` (``Motivo.de("Gestor desconocido")``, ``Motivo.GESTOR_DESCONOCIDO.etiqueta``)
    y a la vez un `str`: cada miembro es igual a su texto y se hashea como él, así que
    `Exclusion.motivo == "gestor desconocido"` y las claves de texto de `Informe.excluidos` y de
    `resumen_excluidos()` siguen sirviendo, y los escritores lo escriben como texto.

    >>> Motivo.GESTOR_DESCONOCIDO == "gestor desconocido"
    True
    >>> Motivo.de("Posterior al corte del periodo") is Motivo.POSTERIOR_AL_CORTE
    True
    >>> {Motivo.REPETIDO: 3}["registro repetido"]
    3
    """

    GESTOR_DESCONOCIDO = "gestor desconocido"
    ASIGNACION_REPETIDA = "asignación repetida"
    REPETIDO = "registro repetido"
    FUERA_DE_VIGENCIA = "anterior a la vigencia del informe"
    POSTERIOR_AL_CORTE = "posterior al corte del periodo"
    FUERA_DEL_TRIMESTRE = "fuera del trimestre y de la cartera del gestor"
    FUERA_DEL_TRIMESTRE_EP = "fuera del trimestre del informe"
    FUERA_DEL_MES = "anterior al mes del informe"
    EMPRESA_NO_ASIGNADA = "empresa no asignada a ningún gestor"
    EMPRESA_NO_CONTACTADA = "empresa no contactada por su gestor en el trimestre"
    SERVICIO_REPETIDO = "servicio ya contado para esa empresa en el trimestre"
    SIN_CUOTA = "empresa sin cuota regulada"
    DATO_NULO = "dato nulo en una columna obligatoria"  # solo en tablas: un registro no es nulo


_SIMPLES: Final = frozenset({str, date, int})


def _comparable(valor: object) -> tuple[int, Any]:
    """Un campo como valor comparable: `None` antes que todo, una regional por su código y
    un miembro de enumeración por su nombre."""
    if type(valor) in _SIMPLES:
        return (1, valor)  # lo más común, sin más preguntas
    if valor is None:
        return (0, 0)
    if isinstance(valor, EnumSena):
        return (1, valor.name)
    if isinstance(valor, Regional):
        return (1, valor.codigo)
    return (1, valor)


def clave_de_orden(registro: Registro) -> tuple[Any, ...]:
    """El orden total de los registros de un mismo tipo (issue 12): la fecha, si la tiene, y
    luego cada campo en el orden en que el registro lo declara (`None` primero, regionales por
    código, enumeraciones por nombre, textos por puntos de código). Toda elección entre iguales
    (qué uso de un servicio cuenta en EP, R16) y el orden de `Informe.excluidos` lo usan: nunca
    el orden de lectura.

    >>> from datetime import date
    >>> from sena_relacionamiento import ServicioUsado
    >>> a = ServicioUsado(nit="900123456", fecha=date(2012, 3, 9), servicio="Formación")
    >>> b = ServicioUsado(nit="800123456", fecha=date(2012, 3, 1), servicio="Formación")
    >>> [s.nit for s in sorted([a, b], key=clave_de_orden)]
    ['800123456', '900123456']
    """
    campos = _CAMPOS.get(type(registro), _campos)(registro)
    fecha = getattr(registro, "fecha", None)
    return (_comparable(fecha), *map(_comparable, campos))


def _campos(registro: Registro) -> tuple[Any, ...]:
    return attrs.astuple(registro, recurse=False)


TIPOS_DE_REGISTRO: Final = (
    Gestor,
    Asignacion,
    Contacto,
    ServicioUsado,
    Solicitud,
    Ambiente,
    ContratoAprendizaje,
    EmpresaCuota,
    Evento,
    LogroSismeg,
)
"""Los tipos de registro en el orden de las colecciones de `DatosSeguimiento` (el orden de
los excluidos)."""

# Los campos de cada tipo de registro, leídos sin el recorrido de `attrs.astuple` (issue 15).
_CAMPOS: Final[Mapping[type[Any], Callable[[Registro], tuple[Any, ...]]]] = MappingProxyType(
    {clase: attrgetter(*(a.name for a in attrs.fields(clase))) for clase in TIPOS_DE_REGISTRO}
)


def _motivo(valor: object) -> Motivo:
    return Motivo.de(valor, "motivo")


@attrs.frozen
class Exclusion:
    """Un registro que no entra en ninguna cifra del informe, y por qué (R23)."""

    registro: Registro
    motivo: Motivo = attrs.field(converter=_motivo)


def _c_gestores(v: object) -> tuple[Gestor, ...]:
    return tupla_de(v, Gestor, "gestores")


def _c_asignaciones(v: object) -> tuple[Asignacion, ...]:
    return tupla_de(v, Asignacion, "asignaciones")


def _c_contactos(v: object) -> tuple[Contacto, ...]:
    return tupla_de(v, Contacto, "contactos")


def _c_servicios(v: object) -> tuple[ServicioUsado, ...]:
    return tupla_de(v, ServicioUsado, "servicios")


def _c_solicitudes(v: object) -> tuple[Solicitud, ...]:
    return tupla_de(v, Solicitud, "solicitudes")


def _c_ambientes(v: object) -> tuple[Ambiente, ...]:
    return tupla_de(v, Ambiente, "ambientes")


def _c_contratos(v: object) -> tuple[ContratoAprendizaje, ...]:
    return tupla_de(v, ContratoAprendizaje, "contratos")


def _c_cuotas(v: object) -> tuple[EmpresaCuota, ...]:
    return tupla_de(v, EmpresaCuota, "cuotas")


def _c_eventos(v: object) -> tuple[Evento, ...]:
    return tupla_de(v, Evento, "eventos")


def _c_logros(v: object) -> tuple[LogroSismeg, ...]:
    return tupla_de(v, LogroSismeg, "logros")


@attrs.frozen
class Indice:
    """Índices de `DatosSeguimiento` que no dependen del periodo (uso interno)."""

    gestores: dict[str, Gestor]
    gestor_de: dict[str, str]  # nit → id del gestor (solo asignaciones válidas)
    cartera: dict[str, set[str]]  # id del gestor → nits asignados
    excluidos: tuple[Exclusion, ...]
    solicitudes: tuple[Solicitud, ...]  # sin las repetidas (R17, R23)


@attrs.frozen
class DatosSeguimiento:
    """Los registros de seguimiento de un corte, revisados entre sí (R14, R17, R19, R20, R23).

    Cada colección acepta cualquier iterable del tipo de registro correspondiente; se guarda
    como tupla. Los índices se construyen una sola vez, al construir el valor.
    """

    gestores: tuple[Gestor, ...] = attrs.field(converter=_c_gestores)
    asignaciones: tuple[Asignacion, ...] = attrs.field(converter=_c_asignaciones)
    contactos: tuple[Contacto, ...] = attrs.field(default=(), converter=_c_contactos)
    servicios: tuple[ServicioUsado, ...] = attrs.field(default=(), converter=_c_servicios)
    solicitudes: tuple[Solicitud, ...] = attrs.field(default=(), converter=_c_solicitudes)
    ambientes: tuple[Ambiente, ...] = attrs.field(default=(), converter=_c_ambientes)
    contratos: tuple[ContratoAprendizaje, ...] = attrs.field(default=(), converter=_c_contratos)
    cuotas: tuple[EmpresaCuota, ...] = attrs.field(default=(), converter=_c_cuotas)
    eventos: tuple[Evento, ...] = attrs.field(default=(), converter=_c_eventos)
    logros: tuple[LogroSismeg, ...] = attrs.field(default=(), converter=_c_logros)
    indice: Indice = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "indice", _indexar(self))

    @property
    def excluidos(self) -> tuple[Exclusion, ...]:
        """Los registros que no cuentan antes de elegir un periodo: asignaciones de un gestor
        desconocido o repetidas, y gestores y solicitudes repetidos (mismo id y mismo
        contenido)."""
        return self.indice.excluidos

    def registros(self) -> Iterator[Registro]:
        """Todos los registros, en el orden de sus colecciones."""
        for coleccion in attrs.astuple(self, recurse=False, filter=_es_coleccion):
            yield from coleccion


def _es_coleccion(atributo: attrs.Attribute[Any], valor: Any) -> bool:
    return atributo.name != "indice"


def _indexar(datos: DatosSeguimiento) -> Indice:
    excluidos: list[Exclusion] = []
    gestores = _por_id(datos.gestores, "dos gestores", excluidos)
    solicitudes = _por_id(datos.solicitudes, "dos solicitudes", excluidos)
    primera: dict[str, Asignacion] = {}
    gestor_de: dict[str, str] = {}
    cartera: dict[str, set[str]] = {g: set() for g in gestores}
    for asignacion in datos.asignaciones:
        previa = primera.get(asignacion.nit)
        if previa is not None and previa.gestor != asignacion.gestor:
            raise RegistroInconsistente(
                f"la empresa {asignacion.nit} está asignada a dos gestores: "
                f"{previa.gestor!r} y {asignacion.gestor!r}",
                (previa, asignacion),
            )
        if previa is not None:
            excluidos.append(Exclusion(asignacion, Motivo.ASIGNACION_REPETIDA))
            continue
        primera[asignacion.nit] = asignacion
        if asignacion.gestor not in gestores:
            excluidos.append(Exclusion(asignacion, Motivo.GESTOR_DESCONOCIDO))
            continue
        gestor_de[asignacion.nit] = asignacion.gestor
        cartera[asignacion.gestor].add(asignacion.nit)

    _revisar_regionales(datos, gestores, gestor_de)
    _revisar_contratos(datos.contratos, gestores, gestor_de)
    _revisar_cuotas(datos.cuotas, gestor_de)
    return Indice(gestores, gestor_de, cartera, tuple(excluidos), tuple(solicitudes.values()))


_ConId = TypeVar("_ConId", Gestor, Solicitud)


def _por_id(registros: Iterable[_ConId], que: str, excluidos: list[Exclusion]) -> dict[str, _ConId]:
    """Los registros con identidad (un `Gestor`, una `Solicitud`) por su id. El mismo id con
    el mismo contenido es un solo registro: los demás se excluyen como «registro repetido»
    (R23); el mismo id con otro contenido es un `RegistroInconsistente` que nombra los dos."""
    por_id: dict[str, _ConId] = {}
    for registro in registros:
        # Por id, no por identidad: el mismo objeto dado dos veces también es un repetido.
        previo = por_id.get(registro.id)
        if previo is None:
            por_id[registro.id] = registro
            continue
        if previo != registro:
            raise RegistroInconsistente(
                f"{que} con el mismo id {registro.id!r} y distinto contenido", (previo, registro)
            )
        excluidos.append(Exclusion(registro, Motivo.REPETIDO))
    return por_id


def _revisar_regionales(
    datos: DatosSeguimiento, gestores: dict[str, Gestor], gestor_de: dict[str, str]
) -> None:
    """Una solicitud o un evento no puede nombrar a un gestor de otra regional (R17, R21)."""
    registros: list[Solicitud | Evento] = [*datos.solicitudes, *datos.eventos]
    for registro in registros:
        gestor = gestores.get(registro.gestor) if registro.gestor is not None else None
        if gestor is not None and gestor.regional != registro.regional:
            raise RegistroInconsistente(
                f"el registro es de la regional {registro.regional} pero nombra al gestor "
                f"{gestor.id!r}, de la regional {gestor.regional}",
                (registro, gestor),
            )


def _revisar_contratos(
    contratos: Iterable[ContratoAprendizaje],
    gestores: dict[str, Gestor],
    gestor_de: dict[str, str],
) -> None:
    """Los contratos de una empresa deben coincidir en regional, obligación y cuota, y la
    empresa no puede estar asignada a un gestor de otra regional (R19)."""
    primero: dict[str, ContratoAprendizaje] = {}
    for contrato in contratos:
        previo = primero.setdefault(contrato.nit, contrato)
        if previo is not contrato and (
            previo.regional != contrato.regional
            or previo.obligada != contrato.obligada
            or previo.cuota_regulada != contrato.cuota_regulada
        ):
            raise RegistroInconsistente(
                f"los contratos de la empresa {contrato.nit} no coinciden en regional, "
                "obligación o cuota regulada",
                (previo, contrato),
            )
    for nit, contrato in primero.items():
        id_gestor = gestor_de.get(nit)
        if id_gestor is not None and gestores[id_gestor].regional != contrato.regional:
            raise RegistroInconsistente(
                f"la empresa {nit} tiene contratos en la regional {contrato.regional} pero "
                f"está asignada al gestor {id_gestor!r}, de la regional "
                f"{gestores[id_gestor].regional}",
                (contrato, gestores[id_gestor]),
            )


def _revisar_cuotas(cuotas: Iterable[EmpresaCuota], gestor_de: dict[str, str]) -> None:
    """Una empresa tiene un solo registro de cuota, y su gestor, si se da, es el asignado
    (R20)."""
    vistas: dict[str, EmpresaCuota] = {}
    for cuota in cuotas:
        # Por NIT, no por identidad: el mismo objeto dado dos veces también es un duplicado.
        previa = vistas.get(cuota.nit)
        if previa is not None:
            raise RegistroInconsistente(
                f"la empresa {cuota.nit} tiene dos registros de cuota", (previa, cuota)
            )
        vistas[cuota.nit] = cuota
        asignado = gestor_de.get(cuota.nit)
        if cuota.gestor is not None and asignado is not None and cuota.gestor != asignado:
            raise RegistroInconsistente(
                f"el registro de cuota de la empresa {cuota.nit} nombra al gestor "
                f"{cuota.gestor!r}, pero está asignada a {asignado!r}",
                (cuota,),
            )
