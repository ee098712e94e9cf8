"""Periodos mensuales que cierran el día de corte, trimestres y vigencias (R8–R12).

Todos los indicadores de la circular tienen «corte día veinticinco (25) de cada mes»: el
periodo de marzo va del 26 de febrero al 25 de marzo, ambos incluidos (R8). Un trimestre son
tres periodos y una vigencia los doce del año (R9). El día de corte es un parámetro de 1 a 28
(R10) y un `datetime` se lee en hora de Bogotá (R11).

>>> from datetime import date, datetime, timezone
>>> marzo = Periodo(2012, 3)
>>> marzo.inicio, marzo.fin
(datetime.date(2012, 2, 26), datetime.date(2012, 3, 25))
>>> Periodo.de(date(2012, 3, 26)), Periodo.de(datetime(2012, 3, 26, 3, tzinfo=timezone.utc))
(Periodo(anio=2012, mes=4, dia_corte=25), Periodo(anio=2012, mes=3, dia_corte=25))
>>> str(marzo.trimestre), marzo.vigencia.inicio
('2012-T1', datetime.date(2011, 12, 26))
"""

from __future__ import annotations

import abc
import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, ClassVar, Final, Self

import attrs
from babel import Locale, UnknownLocaleError
from babel.dates import format_skeleton
from dateutil.relativedelta import relativedelta

from sena_relacionamiento.errores import DatoInvalido, DependenciaFaltante
from sena_relacionamiento.fechas import fecha_bogota
from sena_relacionamiento.parametros import PARAMETROS_2012, validar_dia_corte

__all__ = ["Lapso", "Periodo", "Trimestre", "Vigencia"]

_DIA_CORTE: Final = PARAMETROS_2012.dia_corte
# Años representables: el inicio del primer periodo del año 2 cae en el año 1 y el fin del
# último del año 9999 sigue siendo una `date`; fuera de ahí no hay fechas que mostrar.
_ANIO_MINIMO: Final = 2
_ANIO_MAXIMO: Final = 9999
_UN_DIA: Final = timedelta(days=1)


def _validar_entero(valor: object, campo: str, minimo: int, maximo: int, nombre: str) -> None:
    """Lanza `DatoInvalido` si `valor` no es un `int` (ni `bool`) entre `minimo` y `maximo`."""
    if isinstance(valor, bool) or not isinstance(valor, int):
        raise DatoInvalido("se esperaba un int", campo=campo, valor=valor)
    if not minimo <= valor <= maximo:
        raise DatoInvalido(f"{nombre} va de {minimo} a {maximo}", campo=campo, valor=valor)


def indice_de_mes(anio: Any, mes: Any, despues_del_corte: Any) -> Any:
    """R8, R10: el índice (``anio * 12 + mes - 1``) del mes del periodo de un día del mes `mes`
    de `anio`: el de su mes, o el del siguiente si `despues_del_corte` es 1 (del 26 al 31 de
    diciembre, con corte 25, enero del año siguiente). Con enteros (`Periodo.de`) o con
    expresiones de columnas (`tablas.periodo_de`): la única copia de la fórmula.

    >>> indice_de_mes(2012, 12, 1) // 12, indice_de_mes(2012, 12, 1) % 12 + 1
    (2013, 1)
    """
    return anio * 12 + mes - 1 + despues_del_corte


def _rango(
    minimo: int, maximo: int, nombre: str
) -> Callable[[Any, attrs.Attribute[int], Any], None]:
    """Un validador de attrs para un entero del rango dado."""

    def validar(instancia: Any, atributo: attrs.Attribute[int], valor: Any) -> None:
        _validar_entero(valor, atributo.name, minimo, maximo, nombre)

    return validar


_VALIDAR_ANIO: Final = _rango(_ANIO_MINIMO, _ANIO_MAXIMO, "el año")


def _VALIDAR_DIA_CORTE(instancia: Any, atributo: attrs.Attribute[int], valor: Any) -> None:
    validar_dia_corte(valor, atributo.name)


def _corte(primer_corte: date, meses: int) -> date:
    """La fecha de corte `meses` meses después de `primer_corte` (antes si es negativo)."""
    return primer_corte + relativedelta(months=meses)


def _locale(locale: object) -> Locale:
    if not isinstance(locale, str | Locale):
        raise DatoInvalido(
            "se esperaba un locale de babel, por ejemplo es_CO", campo="locale", valor=locale
        )
    try:
        return Locale.parse(locale)
    except (UnknownLocaleError, ValueError, TypeError):
        raise DatoInvalido(
            "se esperaba un locale de babel, por ejemplo es_CO", campo="locale", valor=locale
        ) from None


class Lapso(abc.ABC):
    """Lo común a `Periodo`, `Trimestre` y `Vigencia`: un lapso de meses que cierra en el día
    de corte (R8–R10), con fechas `inicio` y `fin` incluidas.

    Todos se preguntan igual: ``fecha in lapso``, ``.de(fecha)``, ``.parse(texto)``,
    ``.siguiente()``, ``.anterior()``, ``.periodos``, ``.fecha_entrega()``. Se ordenan como
    sus fechas; ordenar lapsos de días de corte distintos es un `DatoInvalido`, y ``==`` entre
    ellos es simplemente falso. Con otro tipo (incluso otra clase de lapso) ``<`` devuelve
    `NotImplemented`, y Python lanza `TypeError`.

    >>> Periodo(2012, 3) < Periodo(2012, 4), Periodo(2012, 3) == Periodo(2012, 3, 20)
    (True, False)
    """

    __slots__ = ()

    # Lo da cada subclase: cuántos lapsos hay en un año, la forma del texto y un ejemplo.
    _POR_ANIO: ClassVar[int]
    _PATRON: ClassVar[re.Pattern[str]]
    _FORMATO: ClassVar[str]

    anio: int
    dia_corte: int

    if TYPE_CHECKING:  # La forma de construir de las tres subclases.

        def __init__(self, anio: int, /, *numero: int, dia_corte: int = ...) -> None: ...

    @property
    @abc.abstractmethod
    def _indice(self) -> int: ...

    @classmethod
    def _de_indice(cls, indice: int, dia_corte: int) -> Self:
        """El lapso número `indice` (año × lapsos por año + posición − 1)."""
        anio, posicion = divmod(indice, cls._POR_ANIO)
        numero = (posicion + 1,) if cls._POR_ANIO > 1 else ()
        return cls(anio, *numero, dia_corte=dia_corte)

    @property
    @abc.abstractmethod
    def _primer_mes(self) -> int:
        """El mes (1 a 12) del primer periodo del lapso."""

    @property
    def _meses(self) -> int:
        return 12 // self._POR_ANIO

    @property
    def _primer_corte(self) -> date:
        """La fecha de corte del primer periodo del lapso."""
        return date(self.anio, self._primer_mes, self.dia_corte)

    @property
    def inicio(self) -> date:
        """El primer día: el siguiente al corte del mes anterior (R8, R9).

        >>> Periodo(2012, 1).inicio, Trimestre(2012, 4).inicio
        (datetime.date(2011, 12, 26), datetime.date(2012, 9, 26))
        """
        return _corte(self._primer_corte, -1) + _UN_DIA

    @property
    def fin(self) -> date:
        """El último día, incluido: el día de corte del último mes (R8, R9).

        >>> Periodo(2012, 2).fin, Vigencia(2012).fin
        (datetime.date(2012, 2, 25), datetime.date(2012, 12, 25))
        """
        return _corte(self._primer_corte, self._meses - 1)

    @property
    def dias(self) -> int:
        """Cuántos días tiene, contando `inicio` y `fin` (R8).

        >>> Periodo(2012, 3).dias, Periodo(2013, 3).dias, Vigencia(2012).dias
        (29, 28, 366)
        """
        return (self.fin - self.inicio).days + 1

    @property
    def periodos(self) -> tuple[Periodo, ...]:
        """Los periodos mensuales que lo forman, en orden (R9); el de un periodo es él mismo.

        >>> [str(p) for p in Trimestre(2012, 2).periodos]
        ['2012-04', '2012-05', '2012-06']
        """
        cortes = (_corte(self._primer_corte, n) for n in range(self._meses))
        return tuple(Periodo(c.year, c.month, dia_corte=self.dia_corte) for c in cortes)

    @property
    def vigencia(self) -> Vigencia:
        """La vigencia (año de doce periodos) que lo contiene (R9); la de una vigencia es ella
        misma.

        >>> Periodo(2012, 1).vigencia
        Vigencia(anio=2012, dia_corte=25)
        """
        return Vigencia(self.anio, dia_corte=self.dia_corte)

    def __contains__(self, valor: object) -> bool:
        """``fecha in lapso``: si la fecha de Bogotá de una `date` o un `datetime` cae entre
        `inicio` y `fin` (R8, R11). Otra cosa es un `DatoInvalido`.

        >>> date(2012, 2, 26) in Periodo(2012, 3), date(2012, 3, 26) in Periodo(2012, 3)
        (True, False)
        """
        return self.inicio <= fecha_bogota(valor) <= self.fin

    def siguiente(self) -> Self:
        """El lapso que empieza el día después de su `fin` (R10).

        >>> Periodo(2012, 12).siguiente(), Trimestre(2012, 4).siguiente()
        (Periodo(anio=2013, mes=1, dia_corte=25), Trimestre(anio=2013, numero=1, dia_corte=25))
        """
        return self._de_indice(self._indice + 1, self.dia_corte)

    def anterior(self) -> Self:
        """El lapso que termina el día antes de su `inicio` (R10).

        >>> Periodo(2012, 1).anterior(), Vigencia(2012).anterior()
        (Periodo(anio=2011, mes=12, dia_corte=25), Vigencia(anio=2011, dia_corte=25))
        """
        return self._de_indice(self._indice - 1, self.dia_corte)

    @classmethod
    def de(cls, valor: object, *, dia_corte: int = _DIA_CORTE) -> Self:
        """El lapso que contiene una `date` o un `datetime` (R8–R11).

        Un día hasta el de corte es de su propio mes; uno posterior, del mes siguiente (del
        26 al 31 de diciembre, de enero del año siguiente). Un `datetime` ingenuo es hora de
        Bogotá; uno con zona se convierte a America/Bogota antes de tomar su fecha. Un texto
        u otro tipo es un `DatoInvalido`.

        >>> Periodo.de(date(2012, 12, 26)), Trimestre.de(date(2012, 3, 26))
        (Periodo(anio=2013, mes=1, dia_corte=25), Trimestre(anio=2012, numero=2, dia_corte=25))
        >>> Periodo.de(date(2012, 3, 21), dia_corte=20)
        Periodo(anio=2012, mes=4, dia_corte=20)
        """
        validar_dia_corte(dia_corte)
        fecha = fecha_bogota(valor)
        mes: int = indice_de_mes(fecha.year, fecha.month, int(fecha.day > dia_corte))
        if not _ANIO_MINIMO <= mes // 12 <= _ANIO_MAXIMO:
            raise DatoInvalido(
                f"la fecha cae fuera de los periodos de los años {_ANIO_MINIMO} a {_ANIO_MAXIMO}",
                campo="fecha",
                valor=valor,
            )
        return cls._de_indice(mes // (12 // cls._POR_ANIO), dia_corte)

    @classmethod
    def parse(cls, texto: str, *, dia_corte: int = _DIA_CORTE) -> Self:
        """Lee el texto que da ``str()``: ``"2012-03"``, ``"2012-T1"`` o ``"2012"`` (R8, R9).

        Es la inversa exacta de ``str()``: sin espacios, año de cuatro cifras y mes de dos.
        Otro texto es un `DatoInvalido` que dice qué forma se esperaba.

        >>> Periodo.parse("2012-03"), Vigencia.parse("2012", dia_corte=20)
        (Periodo(anio=2012, mes=3, dia_corte=25), Vigencia(anio=2012, dia_corte=20))
        >>> try:
        ...     Periodo.parse("2012-3")
        ... except DatoInvalido as error:
        ...     print(error)
        texto: se esperaba AAAA-MM, por ejemplo 2012-03 (se recibió '2012-3')
        """
        validar_dia_corte(dia_corte)
        encaje = cls._PATRON.fullmatch(texto) if isinstance(texto, str) else None
        if encaje is None:
            raise DatoInvalido(f"se esperaba {cls._FORMATO}", campo="texto", valor=texto)
        try:
            return cls(*(int(grupo) for grupo in encaje.groups()), dia_corte=dia_corte)
        except DatoInvalido as error:
            raise DatoInvalido(
                f"{error.mensaje}; se esperaba {cls._FORMATO}", campo="texto", valor=texto
            ) from None

    def fecha_entrega(self, dias_habiles: bool = False) -> date:
        """La fecha en que se genera y entrega su informe (R12): la de corte, su `fin`.

        La circular no corre la entrega por fines de semana ni festivos. Con
        ``dias_habiles=True`` da el último día hábil en o antes del corte: ni sábado, ni
        domingo, ni festivo nacional de Colombia (Ley 51 de 1983, con los festivos
        trasladados al lunes). Eso usa el paquete opcional `holidays`; si no está instalado
        lanza `DependenciaFaltante` (``pip install 'sena-relacionamiento[festivos]'``).

        >>> Periodo(2012, 3).fecha_entrega()
        datetime.date(2012, 3, 25)
        >>> Periodo(2012, 3).fecha_entrega(dias_habiles=True)  # el 25 fue domingo
        datetime.date(2012, 3, 23)
        >>> Vigencia(2012).fecha_entrega(dias_habiles=True)  # el 25 fue Navidad
        datetime.date(2012, 12, 24)
        """
        if not isinstance(dias_habiles, bool):
            raise DatoInvalido("se esperaba un bool", campo="dias_habiles", valor=dias_habiles)
        fecha = self.fin
        if not dias_habiles:
            return fecha
        try:
            import holidays
        except ImportError:
            raise DependenciaFaltante("holidays", "festivos") from None
        # Si retrocede al año anterior, `holidays` agrega ese año al consultarlo.
        festivos = holidays.country_holidays("CO", years=fecha.year)
        while fecha.weekday() >= 5 or fecha in festivos:
            fecha -= _UN_DIA
        return fecha

    @abc.abstractmethod
    def etiqueta(self, locale: str = "es_CO") -> str:
        """El nombre para personas, en el idioma `locale` de babel (R8, R9). Un `locale` que
        babel no conoce es un `DatoInvalido`.

        >>> [lapso.etiqueta() for lapso in (Periodo(2012, 3), Trimestre(2012, 1), Vigencia(2012))]
        ['marzo de 2012', '1...trimestre de 2012', 'vigencia 2012']
        """

    def _comparar(self, otro: object) -> int | None:
        """La diferencia de posiciones, o `None` si `otro` no es de la misma clase."""
        if not isinstance(otro, Lapso) or type(otro) is not type(self):
            return None
        if otro.dia_corte != self.dia_corte:
            raise DatoInvalido(
                f"no se pueden ordenar lapsos con días de corte distintos "
                f"({self.dia_corte} y {otro.dia_corte})",
                campo="dia_corte",
            )
        return self._indice - otro._indice

    def __lt__(self, otro: object) -> bool:
        """``lapso < otro`` según sus fechas (R10). Con otro corte, `DatoInvalido`; con otra
        clase, `NotImplemented`.

        >>> Periodo(2012, 3) < Periodo(2012, 4), Periodo(2012, 4) < Periodo(2012, 4)
        (True, False)
        """
        diferencia = self._comparar(otro)
        if diferencia is None:
            return NotImplemented
        return diferencia < 0

    def __le__(self, otro: object) -> bool:
        """``lapso <= otro`` según sus fechas (R10). Con otro corte, `DatoInvalido`; con otra
        clase, `NotImplemented`.

        >>> Trimestre(2012, 1) <= Trimestre(2012, 1), Trimestre(2012, 2) <= Trimestre(2012, 1)
        (True, False)
        """
        diferencia = self._comparar(otro)
        if diferencia is None:
            return NotImplemented
        return diferencia <= 0

    def __gt__(self, otro: object) -> bool:
        """``lapso > otro`` según sus fechas (R10). Con otro corte, `DatoInvalido`; con otra
        clase, `NotImplemented`.

        >>> Vigencia(2013) > Vigencia(2012), Vigencia(2012) > Vigencia(2012)
        (True, False)
        """
        diferencia = self._comparar(otro)
        if diferencia is None:
            return NotImplemented
        return diferencia > 0

    def __ge__(self, otro: object) -> bool:
        """``lapso >= otro`` según sus fechas (R10). Con otro corte, `DatoInvalido`; con otra
        clase, `NotImplemented`.

        >>> Periodo(2013, 1) >= Periodo(2012, 12), Periodo(2012, 11) >= Periodo(2012, 12)
        (True, False)
        """
        diferencia = self._comparar(otro)
        if diferencia is None:
            return NotImplemented
        return diferencia >= 0


@attrs.frozen(order=False)
class Periodo(Lapso):
    """El periodo mensual (`anio`, `mes`) que cierra el día de corte del mes (R8, R10).

    Va del día siguiente al corte del mes anterior hasta el corte de `mes`, ambos incluidos.
    `anio` va de 2 a 9999, `mes` de 1 a 12 y `dia_corte` de 1 a 28 (25 por defecto); otro
    valor es un `DatoInvalido` que nombra el campo.

    >>> p = Periodo(2012, 1)
    >>> str(p), p.inicio, p.fin
    ('2012-01', datetime.date(2011, 12, 26), datetime.date(2012, 1, 25))
    >>> Periodo(2012, 13)
    Traceback (most recent call last):
    ...
    sena_relacionamiento.errores.DatoInvalido: mes: el mes va de 1 a 12 (se recibió 13)
    """

    anio: int = attrs.field(validator=_VALIDAR_ANIO)
    mes: int = attrs.field(validator=_rango(1, 12, "el mes"))
    dia_corte: int = attrs.field(default=_DIA_CORTE, validator=_VALIDAR_DIA_CORTE)

    _POR_ANIO = 12
    _PATRON = re.compile(r"([0-9]{4})-([0-9]{2})")
    _FORMATO = "AAAA-MM, por ejemplo 2012-03"

    @property
    def _indice(self) -> int:
        return self.anio * 12 + self.mes - 1

    @property
    def _primer_mes(self) -> int:
        return self.mes

    def __str__(self) -> str:
        """El texto corto que `parse` lee de vuelta (R8, R9).

        >>> str(Periodo(2012, 3))
        '2012-03'
        """
        return f"{self.anio:04d}-{self.mes:02d}"

    @property
    def trimestre(self) -> Trimestre:
        """El trimestre que lo contiene: el n-ésimo tiene los meses 3n−2 a 3n (R9).

        >>> Periodo(2012, 3).trimestre, Periodo(2012, 4).trimestre.numero
        (Trimestre(anio=2012, numero=1, dia_corte=25), 2)
        """
        return Trimestre(self.anio, (self.mes - 1) // 3 + 1, dia_corte=self.dia_corte)

    def etiqueta(self, locale: str = "es_CO") -> str:
        """El nombre del periodo para personas, con babel (R8): el del mes del corte.

        >>> Periodo(2012, 3).etiqueta(), Periodo(2012, 3).etiqueta("en_US")
        ('marzo de 2012', 'March 2012')
        """
        return format_skeleton("yMMMM", date(self.anio, self.mes, 1), locale=_locale(locale))


@attrs.frozen(order=False)
class Trimestre(Lapso):
    """El trimestre `numero` (1 a 4) de `anio`: los periodos (anio, 3n−2) a (anio, 3n) (R9).

    2012-T1 va del 2011-12-26 al 2012-03-25 con el corte 25. Los campos se validan como los
    de `Periodo`.

    >>> t = Trimestre(2012, 1)
    >>> str(t), t.inicio, t.fin
    ('2012-T1', datetime.date(2011, 12, 26), datetime.date(2012, 3, 25))
    """

    anio: int = attrs.field(validator=_VALIDAR_ANIO)
    numero: int = attrs.field(validator=_rango(1, 4, "el trimestre"))
    dia_corte: int = attrs.field(default=_DIA_CORTE, validator=_VALIDAR_DIA_CORTE)

    _POR_ANIO = 4
    _PATRON = re.compile(r"([0-9]{4})-T([0-9])")
    _FORMATO = "AAAA-Tn, por ejemplo 2012-T1"

    @property
    def _indice(self) -> int:
        return self.anio * 4 + self.numero - 1

    @property
    def _primer_mes(self) -> int:
        return 3 * self.numero - 2

    def __str__(self) -> str:
        """El texto corto que `parse` lee de vuelta (R8, R9).

        >>> str(Trimestre(2012, 1))
        '2012-T1'
        """
        return f"{self.anio:04d}-T{self.numero}"

    def etiqueta(self, locale: str = "es_CO") -> str:
        """El nombre del trimestre para personas, tal como lo da babel (datos CLDR) (R9).

        CLDR escribe el ordinal en cifras: «1.º trimestre de 2012» en es_CO; no hay forma en
        letras («primer trimestre») en babel. La forma del ordinal es dato CLDR y puede cambiar
        entre versiones de babel (por eso el ejemplo no la fija).

        >>> Trimestre(2012, 1).etiqueta(), Trimestre(2012, 3).etiqueta("es")
        ('1...trimestre de 2012', '3...trimestre de 2012')
        """
        primer_mes = date(self.anio, self._primer_mes, 1)
        return format_skeleton("yQQQQ", primer_mes, locale=_locale(locale))


@attrs.frozen(order=False)
class Vigencia(Lapso):
    """La vigencia `anio`: sus doce periodos, del día siguiente al corte de diciembre del
    año anterior al corte de diciembre de `anio` (R9).

    >>> v = Vigencia(2012)
    >>> str(v), v.inicio, v.fin, len(v.periodos), len(v.trimestres)
    ('2012', datetime.date(2011, 12, 26), datetime.date(2012, 12, 25), 12, 4)
    """

    anio: int = attrs.field(validator=_VALIDAR_ANIO)
    dia_corte: int = attrs.field(default=_DIA_CORTE, validator=_VALIDAR_DIA_CORTE)

    _POR_ANIO = 1
    _PATRON = re.compile(r"([0-9]{4})")
    _FORMATO = "AAAA, por ejemplo 2012"

    @property
    def _indice(self) -> int:
        return self.anio

    @property
    def _primer_mes(self) -> int:
        return 1

    def __str__(self) -> str:
        """El texto corto que `parse` lee de vuelta (R8, R9).

        >>> str(Vigencia(2012))
        '2012'
        """
        return f"{self.anio:04d}"

    @property
    def trimestres(self) -> tuple[Trimestre, ...]:
        """Sus cuatro trimestres, en orden (R9).

        >>> [str(t) for t in Vigencia(2012).trimestres]
        ['2012-T1', '2012-T2', '2012-T3', '2012-T4']
        """
        return tuple(Trimestre(self.anio, n, dia_corte=self.dia_corte) for n in range(1, 5))

    def etiqueta(self, locale: str = "es_CO") -> str:
        """«vigencia» y el año (R9). «Vigencia» es el término del SENA para su año de metas y
        no se traduce; `locale` se valida y se acepta para preguntar igual que a `Periodo` y
        `Trimestre`.

        >>> Vigencia(2012).etiqueta(), Vigencia(2012).etiqueta("en_US")
        ('vigencia 2012', 'vigencia 2012')
        """
        _locale(locale)
        return f"vigencia {self.anio}"
