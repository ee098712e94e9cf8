"""Los registros de entrada: lo que gestores y coordinadores reportan cada mes.

Todos son clases attrs inmutables que se construyen con palabras clave y se validan al
construirse: un valor malo es un `DatoInvalido` que nombra el campo. Los enums se aceptan como
miembros, por su nombre o por su etiqueta; las fechas como `date` o `datetime` (R11); los NIT
como `str` o `int`, normalizados (ver `normalizar_nit`).

>>> Contacto(gestor="g1", nit="900.123.456-8", fecha=date(2012, 3, 1),
...          tipo="nuevo", medio="Visita")
Contacto(gestor='g1', nit='900123456', fecha=datetime.date(2012, 3, 1), tipo=<TipoContacto.NUEVO: 'Nuevo'>, medio=<MedioContacto.VISITA: 'Visita'>)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, TypeVar

import attrs
from stdnum.co import nit as stdnum_nit

from sena_relacionamiento.dinero import Pesos, validar_pesos
from sena_relacionamiento.enumeraciones import EnumSena, Rol
from sena_relacionamiento.errores import DatoInvalido
from sena_relacionamiento.fechas import fecha_bogota
from sena_relacionamiento.regionales import Regional, regional

__all__ = [
    "Ambiente",
    "Asignacion",
    "Contacto",
    "ContratoAprendizaje",
    "EmpresaCuota",
    "Evento",
    "Gestor",
    "LogroSismeg",
    "MedioContacto",
    "Registro",
    "ServicioUsado",
    "Solicitud",
    "TipoContacto",
    "normalizar_nit",
]

E = TypeVar("E", bound=EnumSena)


class TipoContacto(EnumSena):
    """Tipo de contacto con una empresa (§2a)."""

    NUEVO = "Nuevo"
    MANTENIMIENTO = "Mantenimiento"


class MedioContacto(EnumSena):
    """Canal del contacto (§2a)."""

    TELEFONICO = "Telefónico"
    VISITA = "Visita"


def normalizar_nit(valor: object, campo: str = "nit") -> str:
    """El NIT como número base: sin espacios ni puntos y, si trae dígito de verificación tras
    un guion, con ese dígito verificado (python-stdnum) y quitado. Los ceros a la izquierda se
    quitan, para que ``"0900123456"`` y ``900123456`` sean la misma empresa.

    >>> normalizar_nit("900.123.456-8"), normalizar_nit(900123456)
    ('900123456', '900123456')
    >>> normalizar_nit("900.123.456-1")
    Traceback (most recent call last):
    ...
    sena_relacionamiento.errores.DatoInvalido: nit: el dígito de verificación no corresponde; para 900123456 es 8 (se recibió '900.123.456-1')
    """
    if isinstance(valor, bool) or not isinstance(valor, str | int):
        raise DatoInvalido("se esperaba un NIT como texto o entero", campo=campo, valor=valor)
    texto = str(valor).replace(" ", "").replace(".", "").strip()
    base, guion, digito = texto.partition("-")
    if not base.isdigit() or (guion and not (len(digito) == 1 and digito.isdigit())):
        raise DatoInvalido(
            "un NIT son dígitos, con puntos opcionales y un dígito de verificación opcional "
            "tras un guion",
            campo=campo,
            valor=valor,
        )
    base = base.lstrip("0")
    if not base or len(base) > 15:
        raise DatoInvalido("el NIT no puede ser vacío, todo ceros ni de más de 15 dígitos",
                           campo=campo, valor=valor)
    if guion:
        esperado = stdnum_nit.calc_check_digit(base)
        if digito != esperado:
            raise DatoInvalido(
                f"el dígito de verificación no corresponde; para {base} es {esperado}",
                campo=campo,
                valor=valor,
            )
    return base


# Conversores por campo: cada uno nombra su campo en el error.


def _nit(campo: str = "nit") -> Callable[[object], str]:
    return lambda v: normalizar_nit(v, campo)


def _nit_opcional(campo: str = "nit") -> Callable[[object], str | None]:
    return lambda v: None if v is None else normalizar_nit(v, campo)


def _texto(campo: str) -> Callable[[object], str]:
    def convertir(valor: object) -> str:
        if not isinstance(valor, str) or not valor.strip():
            raise DatoInvalido("se esperaba un texto no vacío", campo=campo, valor=valor)
        return " ".join(valor.split())

    return convertir


def id_gestor(valor: object, campo: str = "gestor") -> str:
    """El id de un gestor: un texto no vacío; un `Gestor` se reduce a su id."""
    if isinstance(valor, Gestor):
        return valor.id
    return _texto(campo)(valor)


def _gestor(campo: str = "gestor") -> Callable[[object], str]:
    return lambda v: id_gestor(v, campo)


def _gestor_opcional(campo: str = "gestor") -> Callable[[object], str | None]:
    return lambda v: None if v is None else id_gestor(v, campo)


def _fecha(campo: str = "fecha") -> Callable[[object], date]:
    return lambda v: fecha_bogota(v, campo)


def _fecha_opcional(campo: str) -> Callable[[object], date | None]:
    return lambda v: None if v is None else fecha_bogota(v, campo)


def _entero(campo: str, minimo: int = 0) -> Callable[[object], int]:
    def convertir(valor: object) -> int:
        if isinstance(valor, bool) or not isinstance(valor, int):
            raise DatoInvalido("se esperaba un número entero", campo=campo, valor=valor)
        if valor < minimo:
            raise DatoInvalido(f"debe ser mayor o igual que {minimo}", campo=campo, valor=valor)
        return valor

    return convertir


def _booleano(campo: str) -> Callable[[object], bool]:
    def convertir(valor: object) -> bool:
        if not isinstance(valor, bool):
            raise DatoInvalido("se esperaba True o False", campo=campo, valor=valor)
        return valor

    return convertir


def _enum(clase: type[E], campo: str) -> Callable[[object], E]:
    return lambda v: clase.de(v, campo)


def _regional(campo: str = "regional") -> Callable[[object], Regional]:
    def convertir(valor: object) -> Regional:
        if not isinstance(valor, str | int | Regional):
            raise DatoInvalido("se esperaba una regional", campo=campo, valor=valor)
        return regional(valor)

    return convertir


def _pesos(campo: str) -> Callable[[object], Pesos]:
    return lambda v: validar_pesos(v, campo)


@attrs.frozen(kw_only=True)
class Gestor:
    """Un gestor empresarial o estratégico de una regional."""

    id: str = attrs.field(converter=_texto("id"))
    rol: Rol = attrs.field(converter=_enum(Rol, "rol"))
    regional: Regional = attrs.field(converter=_regional())


@attrs.frozen(kw_only=True)
class Asignacion:
    """Una empresa (por NIT) asignada a un gestor: la base de datos asignada (R14)."""

    gestor: str = attrs.field(converter=_gestor())
    nit: str = attrs.field(converter=_nit())


@attrs.frozen(kw_only=True)
class Contacto:
    """Un contacto de un gestor con una empresa (R14)."""

    gestor: str = attrs.field(converter=_gestor())
    nit: str = attrs.field(converter=_nit())
    fecha: date = attrs.field(converter=_fecha())
    tipo: TipoContacto = attrs.field(converter=_enum(TipoContacto, "tipo"))
    medio: MedioContacto = attrs.field(converter=_enum(MedioContacto, "medio"))


@attrs.frozen(kw_only=True)
class ServicioUsado:
    """Un servicio del portafolio usado por una empresa (R16). `gestor` solo dice quién lo
    registró."""

    nit: str = attrs.field(converter=_nit())
    fecha: date = attrs.field(converter=_fecha())
    servicio: str = attrs.field(converter=_texto("servicio"))
    gestor: str | None = attrs.field(default=None, converter=_gestor_opcional())


@attrs.frozen(kw_only=True)
class Solicitud:
    """Un requerimiento recibido por el CRM (R17). `fecha` es la de recepción y
    `fecha_gestion`, si la hay, no puede ser anterior."""

    id: str = attrs.field(converter=_texto("id"))
    fecha: date = attrs.field(converter=_fecha())
    servicio: str = attrs.field(converter=_texto("servicio"))
    regional: Regional = attrs.field(converter=_regional())
    gestor: str | None = attrs.field(default=None, converter=_gestor_opcional())
    nit: str | None = attrs.field(default=None, converter=_nit_opcional())
    fecha_gestion: date | None = attrs.field(
        default=None, converter=_fecha_opcional("fecha_gestion")
    )

    def __attrs_post_init__(self) -> None:
        if self.fecha_gestion is not None and self.fecha_gestion < self.fecha:
            raise DatoInvalido(
                f"la fecha de gestión es anterior a la de recepción ({self.fecha.isoformat()})",
                campo="fecha_gestion",
                valor=self.fecha_gestion,
            )


@attrs.frozen(kw_only=True)
class Ambiente:
    """Ambientes de formación conseguidos o modernizados (R18): `cantidad` y `valor` en pesos."""

    gestor: str = attrs.field(converter=_gestor())
    fecha: date = attrs.field(converter=_fecha())
    valor: Pesos = attrs.field(converter=_pesos("valor"))
    cantidad: int = attrs.field(default=1, converter=_entero("cantidad", minimo=1))


@attrs.frozen(kw_only=True)
class ContratoAprendizaje:
    """Un contrato de aprendizaje registrado (R19): la empresa, su regional, si está obligada
    a contratar aprendices y su cuota regulada."""

    nit: str = attrs.field(converter=_nit())
    regional: Regional = attrs.field(converter=_regional())
    fecha: date = attrs.field(converter=_fecha())
    obligada: bool = attrs.field(converter=_booleano("obligada"))
    cuota_regulada: int = attrs.field(default=0, converter=_entero("cuota_regulada"))


@attrs.frozen(kw_only=True)
class EmpresaCuota:
    """Una empresa con su cuota regulada y si la monetiza, al corte (R20)."""

    nit: str = attrs.field(converter=_nit())
    cuota_regulada: int = attrs.field(converter=_entero("cuota_regulada"))
    monetiza: bool = attrs.field(converter=_booleano("monetiza"))
    gestor: str | None = attrs.field(default=None, converter=_gestor_opcional())

    def __attrs_post_init__(self) -> None:
        if self.monetiza and self.cuota_regulada == 0:
            raise DatoInvalido(
                "una empresa sin cuota regulada no puede monetizarla",
                campo="monetiza",
                valor=self.monetiza,
            )


@attrs.frozen(kw_only=True)
class Evento:
    """Un evento de convocatoria de una regional (R21)."""

    regional: Regional = attrs.field(converter=_regional())
    fecha: date = attrs.field(converter=_fecha())
    asistentes: int = attrs.field(converter=_entero("asistentes"))
    razon: str = attrs.field(converter=_texto("razon"))
    gestor: str | None = attrs.field(default=None, converter=_gestor_opcional())


@attrs.frozen(kw_only=True)
class LogroSismeg:
    """Colombianos formados y empleos generados que un gestor registra (R13)."""

    gestor: str = attrs.field(converter=_gestor())
    fecha: date = attrs.field(converter=_fecha())
    formados: int = attrs.field(default=0, converter=_entero("formados"))
    empleos: int = attrs.field(default=0, converter=_entero("empleos"))


Registro = (
    Gestor
    | Asignacion
    | Contacto
    | ServicioUsado
    | Solicitud
    | Ambiente
    | ContratoAprendizaje
    | EmpresaCuota
    | Evento
    | LogroSismeg
)
"""Cualquier registro de entrada."""


def tupla_de(clase: type[Any], campo: str) -> Callable[[Iterable[Any]], tuple[Any, ...]]:
    """Conversor: cualquier iterable de registros de `clase` a una tupla; otro tipo de
    elemento es un `DatoInvalido` que dice la posición."""

    def convertir(valores: Iterable[Any]) -> tuple[Any, ...]:
        if isinstance(valores, str | bytes) or not isinstance(valores, Iterable):
            raise DatoInvalido(f"se esperaba una colección de {clase.__name__}", campo=campo,
                               valor=valores)
        tupla = tuple(valores)
        for posicion, valor in enumerate(tupla):
            if not isinstance(valor, clase):
                raise DatoInvalido(f"se esperaba un {clase.__name__}",
                                   campo=f"{campo}[{posicion}]", valor=valor)
        return tupla

    return convertir

