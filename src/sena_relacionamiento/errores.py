"""El árbol de errores de la biblioteca: todo error intencional desciende de `ErrorSena`.

Cada mensaje está en español y dice qué valor se recibió, en qué campo y qué se esperaba;
cuando el dato viene de un archivo, `origen` dice el archivo y la línea.

>>> try:
...     raise DatoInvalido("debe ser un entero", campo="cantidad", valor=-1)
... except ValueError as error:
...     print(error)
cantidad: debe ser un entero (se recibió -1)
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Final, TypeVar

__all__ = [
    "AccesoDenegado",
    "DatoInvalido",
    "DependenciaFaltante",
    "ErrorMotor",
    "ErrorSena",
    "RegionalDesconocida",
    "RegistroInconsistente",
    "SinDestino",
]

_SIN_VALOR: Final[Any] = object()
_E = TypeVar("_E", bound="ErrorSena")


class ErrorSena(Exception):
    """Base de todos los errores que la biblioteca lanza a propósito.

    Se pueden copiar y serializar con `pickle` (por ejemplo, entre procesos) sin perder sus
    atributos ni su mensaje.
    """

    def __reduce__(self) -> tuple[Any, ...]:
        # El `__reduce__` de las excepciones vuelve a llamar a `__init__` con `args`, que aquí
        # es el mensaje ya compuesto: las subclases con otra firma se romperían o
        # recompondrían mal el mensaje. Se restaura sin llamar a `__init__`.
        return (_restaurar, (type(self), self.args, dict(self.__dict__)))


def _restaurar(clase: type[_E], args: tuple[Any, ...], estado: dict[str, Any]) -> _E:
    error = clase.__new__(clase)
    error.args = args
    error.__dict__.update(estado)
    return error


class DatoInvalido(ErrorSena, ValueError):
    """Un valor o un tipo inválido: dinero negativo o `float`, un día de corte 31, una fecha
    que no es fecha…

    `campo` nombra el campo, `valor` el valor recibido y `origen` de dónde vino (por ejemplo
    ``"contactos.csv, línea 12"``); los tres son opcionales y se muestran en el mensaje.
    """

    def __init__(
        self,
        mensaje: str,
        *,
        campo: str | None = None,
        valor: Any = _SIN_VALOR,
        origen: str | None = None,
    ) -> None:
        self.mensaje = mensaje
        # Un campo que no es texto no debe romper el mensaje del error.
        self.campo = campo if campo is None or isinstance(campo, str) else _repr_corto(campo)
        self.valor = None if valor is _SIN_VALOR else valor
        self._tiene_valor = valor is not _SIN_VALOR
        self.origen = origen if origen is None or isinstance(origen, str) else _repr_corto(origen)
        super().__init__(self._componer())

    def _componer(self) -> str:
        partes = [p for p in (self.origen, self.campo) if p]
        texto = self.mensaje
        if self._tiene_valor:
            texto += f" (se recibió {_repr_corto(self.valor)})"
        return ": ".join([*partes, texto]) if partes else texto

    def con_origen(self, origen: str, campo: str | None = None) -> DatoInvalido:
        """Devuelve una copia del error que además dice de dónde vino el dato."""
        copia = _restaurar(type(self), self.args, dict(self.__dict__))
        copia.__traceback__ = self.__traceback__
        copia.origen = origen
        if campo is not None and copia.campo is None:
            copia.campo = campo
        copia.args = (copia._componer(),)
        return copia


def _repr_corto(valor: object, limite: int = 200) -> str:
    """La representación del valor para un mensaje, recortada si es muy larga. Un `Decimal`
    se muestra como número (``1.5``, no ``Decimal('1.5')``); un texto, entre comillas."""
    try:
        texto = str(valor) if isinstance(valor, Decimal) else repr(valor)
    except ValueError:  # un entero de miles de dígitos no se puede convertir a texto
        return f"un {type(valor).__name__} demasiado largo"
    except Exception:  # un `__repr__` ajeno que falla no debe tapar el error original
        return f"un {type(valor).__name__} sin representación"
    return texto if len(texto) <= limite else texto[: limite - 1] + "…"


class RegionalDesconocida(DatoInvalido):
    """Ninguna de las 33 regionales responde a la consulta (R2).

    `consulta` es lo que se pidió y `sugerencias` los nombres canónicos más parecidos.
    """

    def __init__(self, consulta: object, sugerencias: Sequence[str] = ()) -> None:
        self.consulta = consulta
        self.sugerencias = tuple(sugerencias)
        mensaje = "no es una regional del SENA"
        if self.sugerencias:
            mensaje += "; ¿quiso decir " + " o ".join(self.sugerencias) + "?"
        super().__init__(mensaje, campo="regional", valor=consulta)


class RegistroInconsistente(ErrorSena, ValueError):
    """Registros que se contradicen entre sí: una empresa asignada a dos gestores, un gestor de
    otra regional… `registros` guarda los registros involucrados."""

    def __init__(self, mensaje: str, registros: Sequence[object] = ()) -> None:
        self.registros = tuple(registros)
        super().__init__(mensaje)


class SinDestino(ErrorSena):
    """Una solicitud del CRM que nadie puede recibir (R7)."""


class AccesoDenegado(ErrorSena, PermissionError):
    """Un usuario pide una acción que la política de la carpeta compartida no le permite (R26)."""


class DependenciaFaltante(ErrorSena, ImportError):
    """Una función pide un extra opcional que no está instalado; el mensaje dice cuál instalar
    (por ejemplo ``pip install 'sena-relacionamiento[festivos]'``).

    Con `encontrada` y `necesaria`, el paquete está instalado pero en una versión que la
    biblioteca no soporta: el mensaje nombra el paquete, la versión instalada y la mínima.

    >>> error = DependenciaFaltante("dask", "distribuido", encontrada="2024.1", necesaria="2025.1")
    >>> print(error)
    esta función necesita dask >= 2025.1 y está instalada la versión 2024.1:
    pip install -U 'dask>=2025.1' (o el extra: pip install -U 'sena-relacionamiento[distribuido]')
    """

    def __init__(
        self,
        paquete: str,
        extra: str,
        *,
        encontrada: str | None = None,
        necesaria: str | None = None,
    ) -> None:
        self.paquete = paquete
        self.extra = extra
        self.encontrada = encontrada
        self.necesaria = necesaria
        if encontrada is not None and necesaria is not None:
            mensaje = (
                f"esta función necesita {paquete} >= {necesaria} y está instalada la versión "
                f"{encontrada}: pip install -U '{paquete}>={necesaria}' (o el extra: "
                f"pip install -U 'sena-relacionamiento[{extra}]')"
            )
        else:
            mensaje = (
                f"esta función necesita el paquete opcional {paquete!r}: "
                f"pip install 'sena-relacionamiento[{extra}]'"
            )
        super().__init__(mensaje)


class ErrorMotor(ErrorSena, RuntimeError):
    """El motor de una tabla (pandas, polars, pyarrow, DuckDB… vía narwhals) falló en
    `sena_relacionamiento.tablas`: `tabla` la nombra, `etapa` dice qué se estaba haciendo y
    `causa` es la excepción original (también en ``__cause__``)."""

    def __init__(self, tabla: str, etapa: str, causa: BaseException) -> None:
        self.tabla = tabla
        self.etapa = etapa
        self.causa = causa
        detalle = str(causa)
        if len(detalle) > 300:
            detalle = detalle[:299] + "…"
        super().__init__(
            f"{tabla}: el motor de la tabla falló al {etapa} ({type(causa).__name__}: {detalle})"
        )
