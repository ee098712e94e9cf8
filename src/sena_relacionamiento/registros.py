"""Los registros de entrada: lo que gestores y coordinadores reportan cada mes.

Todos son clases attrs inmutables que se construyen con palabras clave y se validan al
construirse: un valor malo es un `DatoInvalido` que nombra el campo. Los enums se aceptan como
miembros, por su nombre o por su etiqueta; las fechas como `date` o `datetime` (R11); los NIT
como `str` o `int`, normalizados (ver `normalizar_nit`, que dice qué formas acepta:
``"900.123.456-8"``, ``"800226098 - 4"``, ``"800,226,098–4"``… y cuáles rechaza).

>>> c = Contacto(gestor="g1", nit="900.123.456-8", fecha=date(2012, 3, 1),
...              tipo="nuevo", medio="Visita")
>>> c.nit, c.fecha
('900123456', datetime.date(2012, 3, 1))
>>> c.tipo, c.medio
(<TipoContacto.NUEVO: 'Nuevo'>, <MedioContacto.VISITA: 'Visita'>)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, Final, TypeVar, cast

import attrs
from stdnum.co import nit as stdnum_nit

from sena_relacionamiento._conversores import booleano, regional_de, texto
from sena_relacionamiento.dinero import Pesos, validar_pesos
from sena_relacionamiento.enumeraciones import EnumSena, Rol
from sena_relacionamiento.errores import DatoInvalido
from sena_relacionamiento.fechas import fecha_bogota
from sena_relacionamiento.regionales import Regional

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

T = TypeVar("T")


class TipoContacto(EnumSena):
    """Tipo de contacto con una empresa (§2a)."""

    NUEVO = "Nuevo"
    MANTENIMIENTO = "Mantenimiento"


class MedioContacto(EnumSena):
    """Canal del contacto (§2a)."""

    TELEFONICO = "Telefónico"
    VISITA = "Visita"


def _digitos(texto: str) -> bool:
    """Solo dígitos ASCII: «²» o «١٢٣» pasan `str.isdigit()` pero no son un NIT."""
    return texto.isascii() and texto.isdigit()


# Los guiones con que las exportaciones separan el dígito de verificación: el ASCII, el guion
# tipográfico (U+2010, U+2011), la raya de cifra, la semirraya (–), la raya (—), la barra
# horizontal y el signo menos (−).
_GUIONES: Final = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))
# Dígitos ASCII sin separar, o de a tres separados por punto, coma o espacio (también el
# espacio de no separación y el estrecho de no separación).
_BASE_NIT: Final = re.compile(r"[0-9]+|[0-9]{1,3}(?:[., \u00a0\u202f][0-9]{3})+")


def normalizar_nit(valor: object, campo: str = "nit") -> str:
    """El NIT como número base: compactado con python-stdnum (`stdnum.co.nit.compact`, sin
    separadores) y, si trae dígito de verificación tras un guion, con ese dígito verificado y
    quitado. Los ceros a la izquierda se quitan, para que ``"0900123456"`` y ``900123456``
    sean la misma empresa.

    Se aceptan las formas de las exportaciones reales: un `int`; dígitos ASCII sin separar o
    agrupados de a tres con puntos, comas o espacios (``"900.123.456"``, ``"900,123,456"``,
    ``"900 123 456"``); un dígito de verificación opcional tras un guion, una semirraya o una
    raya (``-``, ``–``, ``—``, ``−``), con o sin espacios alrededor (``"800226098 - 4"``); y
    espacios al principio o al final. Se rechazan, con un `DatoInvalido` que nombra el campo:
    letras (una ``O`` por un cero), dígitos que no son ASCII, grupos que no son de tres
    (``"900.12.3456"``), dos guiones (``"900-123-456"``), un guion sin un solo dígito
    detrás, un dígito de verificación que no corresponde, un NIT vacío, todo ceros o de más
    de 15 dígitos, y cualquier tipo que no sea `str` o `int` (`bool`, `float`, `Decimal`).

    >>> normalizar_nit("900.123.456-8"), normalizar_nit(900123456)
    ('900123456', '900123456')
    >>> normalizar_nit("800226098 - 4"), normalizar_nit("800,226,098—4")
    ('800226098', '800226098')
    >>> try:
    ...     normalizar_nit("900.123.456-1")
    ... except DatoInvalido as error:
    ...     print(error)
    nit: el dígito de verificación no corresponde; para 900123456 es 8 (se recibió '900.123.456-1')
    """
    if isinstance(valor, bool) or not isinstance(valor, str | int):
        raise DatoInvalido("se esperaba un NIT como texto o entero", campo=campo, valor=valor)
    base, guion, digito = str(valor).translate(_GUIONES).partition("-")
    base, digito = base.strip(), digito.strip()
    if not _BASE_NIT.fullmatch(base) or (guion and not (len(digito) == 1 and _digitos(digito))):
        raise DatoInvalido(
            "un NIT son dígitos, solos o de a tres con puntos, comas o espacios, y un dígito "
            "de verificación opcional tras un guion",
            campo=campo,
            valor=valor,
        )
    cifras = base.replace(".", "")
    # Solo dígitos ASCII y puntos (lo común): lo mismo que da `compact`, sin su limpieza
    # carácter por carácter (issue 15: se llama una vez por NIT distinto de una carpeta).
    base = (cifras if _digitos(cifras) else stdnum_nit.compact(base)).lstrip("0")
    if not base or len(base) > 15:
        raise DatoInvalido(
            "el NIT no puede ser vacío, todo ceros ni de más de 15 dígitos",
            campo=campo,
            valor=valor,
        )
    if guion:
        esperado = stdnum_nit.calc_check_digit(base)
        if digito != esperado:
            raise DatoInvalido(
                f"el dígito de verificación no corresponde; para {base} es {esperado}",
                campo=campo,
                valor=valor,
            )
    return base


# Conversores: cada uno nombra su campo en el error.


def id_gestor(valor: object, campo: str = "gestor") -> str:
    """El id de un gestor: un texto no vacío; un `Gestor` se reduce a su id."""
    if isinstance(valor, Gestor):
        return valor.id
    return texto(valor, campo)


def _entero(valor: object, campo: str, minimo: int = 0) -> int:
    if isinstance(valor, bool) or not isinstance(valor, int):
        raise DatoInvalido("se esperaba un número entero", campo=campo, valor=valor)
    if valor < minimo:
        raise DatoInvalido(f"debe ser mayor o igual que {minimo}", campo=campo, valor=valor)
    return valor


def _opcional(conversor: Callable[[object, str], T], valor: object, campo: str) -> T | None:
    return None if valor is None else conversor(valor, campo)


def _c_asistentes(v: object) -> int:
    return _entero(v, "asistentes")


def _c_cantidad(v: object) -> int:
    return _entero(v, "cantidad", minimo=1)


def _c_cuota_regulada(v: object) -> int:
    return _entero(v, "cuota_regulada")


def _c_empleos(v: object) -> int:
    return _entero(v, "empleos")


def _c_fecha(v: object) -> date:
    return fecha_bogota(v, "fecha")


def _c_fecha_gestion_opcional(v: object) -> date | None:
    return _opcional(fecha_bogota, v, "fecha_gestion")


def _c_formados(v: object) -> int:
    return _entero(v, "formados")


def _c_gestor(v: object) -> str:
    return id_gestor(v, "gestor")


def _c_gestor_opcional(v: object) -> str | None:
    return _opcional(id_gestor, v, "gestor")


def _c_id(v: object) -> str:
    return texto(v, "id")


def _c_medio(v: object) -> MedioContacto:
    return MedioContacto.de(v, "medio")


def _c_monetiza(v: object) -> bool:
    return booleano(v, "monetiza")


def _c_nit(v: object) -> str:
    return normalizar_nit(v, "nit")


def _c_nit_opcional(v: object) -> str | None:
    return _opcional(normalizar_nit, v, "nit")


def _c_nombre_opcional(v: object) -> str | None:
    return _opcional(texto, v, "nombre")


def _c_obligada(v: object) -> bool:
    return booleano(v, "obligada")


def _c_razon(v: object) -> str:
    return texto(v, "razon")


def _c_regional(v: object) -> Regional:
    return regional_de(v, "regional")


def _c_rol(v: object) -> Rol:
    return Rol.de(v, "rol")


def _c_servicio(v: object) -> str:
    return texto(v, "servicio")


def _c_tipo(v: object) -> TipoContacto:
    return TipoContacto.de(v, "tipo")


def _c_valor(v: object) -> Pesos:
    return validar_pesos(v, "valor")


@attrs.frozen(kw_only=True)
class Gestor:
    """Un gestor empresarial o estratégico de una regional. `nombre`, cuando se da, es el de
    la persona: las salidas para personas muestran «Nombre (id)» (issue 16); las cifras no
    dependen de él.

    >>> Gestor(id="hui-01", rol="Empresarial", regional="Huila", nombre="  Ana   Pérez ").nombre
    'Ana Pérez'
    """

    id: str = attrs.field(converter=_c_id)
    rol: Rol = attrs.field(converter=_c_rol)
    regional: Regional = attrs.field(converter=_c_regional)
    nombre: str | None = attrs.field(default=None, converter=_c_nombre_opcional)


@attrs.frozen(kw_only=True)
class Asignacion:
    """Una empresa (por NIT) asignada a un gestor: la base de datos asignada (R14)."""

    gestor: str = attrs.field(converter=_c_gestor)
    nit: str = attrs.field(converter=_c_nit)


@attrs.frozen(kw_only=True)
class Contacto:
    """Un contacto de un gestor con una empresa (R14)."""

    gestor: str = attrs.field(converter=_c_gestor)
    nit: str = attrs.field(converter=_c_nit)
    fecha: date = attrs.field(converter=_c_fecha)
    tipo: TipoContacto = attrs.field(converter=_c_tipo)
    medio: MedioContacto = attrs.field(converter=_c_medio)


@attrs.frozen(kw_only=True)
class ServicioUsado:
    """Un servicio del portafolio usado por una empresa (R16). `gestor` solo dice quién lo
    registró."""

    nit: str = attrs.field(converter=_c_nit)
    fecha: date = attrs.field(converter=_c_fecha)
    servicio: str = attrs.field(converter=_c_servicio)
    gestor: str | None = attrs.field(default=None, converter=_c_gestor_opcional)


@attrs.frozen(kw_only=True)
class Solicitud:
    """Un requerimiento recibido por el CRM (R17). `fecha` es la de recepción y
    `fecha_gestion`, si la hay, no puede ser anterior."""

    id: str = attrs.field(converter=_c_id)
    fecha: date = attrs.field(converter=_c_fecha)
    servicio: str = attrs.field(converter=_c_servicio)
    regional: Regional = attrs.field(converter=_c_regional)
    gestor: str | None = attrs.field(default=None, converter=_c_gestor_opcional)
    nit: str | None = attrs.field(default=None, converter=_c_nit_opcional)
    fecha_gestion: date | None = attrs.field(default=None, converter=_c_fecha_gestion_opcional)

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

    gestor: str = attrs.field(converter=_c_gestor)
    fecha: date = attrs.field(converter=_c_fecha)
    valor: Pesos = attrs.field(converter=_c_valor)
    cantidad: int = attrs.field(default=1, converter=_c_cantidad)


@attrs.frozen(kw_only=True)
class ContratoAprendizaje:
    """Un contrato de aprendizaje registrado (R19): la empresa, su regional, si está obligada
    a contratar aprendices y su cuota regulada."""

    nit: str = attrs.field(converter=_c_nit)
    regional: Regional = attrs.field(converter=_c_regional)
    fecha: date = attrs.field(converter=_c_fecha)
    obligada: bool = attrs.field(converter=_c_obligada)
    cuota_regulada: int = attrs.field(default=0, converter=_c_cuota_regulada)


@attrs.frozen(kw_only=True)
class EmpresaCuota:
    """Una empresa con su cuota regulada y si la monetiza, al corte (R20)."""

    nit: str = attrs.field(converter=_c_nit)
    cuota_regulada: int = attrs.field(converter=_c_cuota_regulada)
    monetiza: bool = attrs.field(converter=_c_monetiza)
    gestor: str | None = attrs.field(default=None, converter=_c_gestor_opcional)

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

    regional: Regional = attrs.field(converter=_c_regional)
    fecha: date = attrs.field(converter=_c_fecha)
    asistentes: int = attrs.field(converter=_c_asistentes)
    razon: str = attrs.field(converter=_c_razon)
    gestor: str | None = attrs.field(default=None, converter=_c_gestor_opcional)


@attrs.frozen(kw_only=True)
class LogroSismeg:
    """Colombianos formados y empleos generados que un gestor registra (R13)."""

    gestor: str = attrs.field(converter=_c_gestor)
    fecha: date = attrs.field(converter=_c_fecha)
    formados: int = attrs.field(default=0, converter=_c_formados)
    empleos: int = attrs.field(default=0, converter=_c_empleos)


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


def _constructor_confiado(clase: type[T], nombres: Sequence[str]) -> Callable[..., T]:
    """(Uso interno, issue 15.) Un constructor de `clase` que toma, por posición, los valores
    de los campos `nombres` **ya convertidos** por los conversores de esos mismos campos, y
    pone en los demás su valor por omisión convertido.

    No vuelve a pasar los valores por los conversores (el lector de CSV ya los pasó una vez
    por cada texto distinto), pero sí hace las comprobaciones entre campos
    (``__attrs_post_init__``). Construir con la clase, como hace todo el código público,
    sigue validando cada campo. Un valor que no salió del conversor de su campo da un
    registro inválido: solo para quien ya convirtió.

    Como el ``__init__`` que genera attrs, es una función escrita para la clase (una línea
    por campo, sin bucles): se llama millones de veces. Su texto solo usa posiciones, nunca
    los nombres recibidos.

    >>> nuevo = _constructor_confiado(Ambiente, ("gestor", "fecha", "valor"))
    >>> nuevo("g1", date(2012, 3, 1), 5_000_000) == Ambiente(
    ...     gestor="g1", fecha=date(2012, 3, 1), valor=5_000_000)
    True
    """
    entorno: dict[str, Any] = {}
    cuerpo = _sentencias_confiadas(clase, nombres, [f"v{i}" for i in range(len(nombres))], entorno)
    argumentos = ", ".join(f"v{i}" for i in range(len(nombres)))
    codigo = "\n".join(
        [f"def construir({argumentos}):", *(f"    {s}" for s in cuerpo), "    return registro"]
    )
    exec(compile(codigo, f"<constructor confiado de {clase.__name__}>", "exec"), entorno)
    return cast(Callable[..., T], entorno["construir"])


def _sentencias_confiadas(
    clase: type[Any], nombres: Sequence[str], valores: Sequence[str], entorno: dict[str, Any]
) -> list[str]:
    """(Uso interno, issue 15.) Las sentencias de Python que arman en ``registro`` un registro
    de `clase` como `_constructor_confiado`: cada campo de `nombres` con la expresión de
    `valores` en su posición (un valor ya convertido), los demás con su valor por omisión
    convertido, y las comprobaciones entre campos. Pone en `entorno` los nombres que usan
    (``nuevo``, ``clase``, ``poner0``…); quien las usa las compila con ese entorno."""
    campos = attrs.fields(clase)
    entorno.update({"nuevo": object.__new__, "clase": clase})
    cuerpo = ["registro = nuevo(clase)"]
    for i, (nombre, valor) in enumerate(zip(nombres, valores, strict=True)):
        entorno[f"poner{i}"] = getattr(clase, nombre).__set__
        cuerpo.append(f"poner{i}(registro, {valor})")
    for j, campo in enumerate(a for a in campos if a.name not in nombres):
        entorno[f"fijar{j}"] = getattr(clase, campo.name).__set__
        entorno[f"omision{j}"] = _convertido(campo)
        cuerpo.append(f"fijar{j}(registro, omision{j})")
    if hasattr(clase, "__attrs_post_init__"):
        cuerpo.append("registro.__attrs_post_init__()")
    return cuerpo


def _convertido(campo: attrs.Attribute[Any]) -> object:
    """El valor por omisión de un campo, pasado por su conversor (como hace attrs). Todos los
    campos de los registros tienen conversor."""
    conversor = cast(Callable[[object], object], campo.converter)
    return conversor(campo.default)
