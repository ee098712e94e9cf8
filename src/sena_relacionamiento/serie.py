"""La serie mensual: un `Informe` por periodo, de `desde` a `hasta` (R13–R25, R29).

`serie(datos, desde, hasta)` da la evolución del año (o de varios) con las mismas reglas que
`informe()`: cada periodo es exactamente el informe de ese periodo. Los datos se revisan una
sola vez (los cruces entre registros de `DatosSeguimiento` no se repiten por mes) y los
parámetros de cada vigencia se eligen y se revisan una vez, antes de calcular. Lo que no
depende del periodo (los contactos por fecha, los servicios en su orden total con la clave de
cada nombre) se prepara una vez para todos los meses (`indicadores/_previo.py`): cada mes toma
sus tramos por búsqueda binaria en vez de recorrer todos los registros.

>>> from sena_relacionamiento import Periodo, informe, serie
>>> from sena_relacionamiento.datos_ejemplo import datos_de_ejemplo
>>> datos = datos_de_ejemplo()
>>> s = serie(datos, Periodo(2012, 1), Periodo(2012, 3))
>>> [str(p) for p in s.periodos]
['2012-01', '2012-02', '2012-03']
>>> s["2012-03"].filas() == informe(datos, Periodo(2012, 3)).filas()
True
>>> fila = s.filas()[0]
>>> list(fila)[:4], fila["periodo"]
(['periodo', 'ambito', 'clave', 'indicador'], '2012-01')
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from sena_relacionamiento.datos import DatosSeguimiento
from sena_relacionamiento.errores import DatoInvalido
from sena_relacionamiento.indicadores._base import Contexto
from sena_relacionamiento.indicadores._previo import Previo
from sena_relacionamiento.informe import COLUMNAS_FILAS, Informe, _calcular, _consolidar
from sena_relacionamiento.parametros import PARAMETROS_2012, Parametros
from sena_relacionamiento.periodos import Periodo

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped]
    import polars

__all__ = ["COLUMNAS_SERIE", "Serie", "serie"]

COLUMNAS_SERIE: Final = ("periodo", *COLUMNAS_FILAS)
"""Las claves de cada fila de `Serie.filas()`, en orden: ``periodo`` y las de
`Informe.filas()`."""


@attrs.frozen(repr=False)
class Serie:
    """Los informes de los periodos de `desde` a `hasta`, ambos incluidos, en orden.

    ``serie[periodo]`` da el `Informe` de un periodo (un `Periodo` o su texto ``"2012-03"``);
    un periodo fuera de la serie es un `DatoInvalido`. ``len(serie)`` es el número de
    periodos e iterar da los informes en orden.
    """

    informes: tuple[Informe, ...]

    @property
    def periodos(self) -> tuple[Periodo, ...]:
        """Los periodos de la serie, en orden."""
        return tuple(inf.periodo for inf in self.informes)

    @property
    def desde(self) -> Periodo:
        """El primer periodo."""
        return self.informes[0].periodo

    @property
    def hasta(self) -> Periodo:
        """El último periodo."""
        return self.informes[-1].periodo

    def __len__(self) -> int:
        return len(self.informes)

    def __iter__(self) -> Iterator[Informe]:
        return iter(self.informes)

    def __getitem__(self, periodo: Periodo | str) -> Informe:
        """El informe de `periodo` (un `Periodo` o su texto ``"AAAA-MM"``)."""
        buscado: object = periodo
        if isinstance(periodo, str):
            buscado = Periodo.parse(periodo, dia_corte=self.desde.dia_corte)
        for inf in self.informes:
            if inf.periodo == buscado:
                return inf
        raise DatoInvalido(
            f"el periodo no está en la serie, que va de {self.desde} a {self.hasta}",
            campo="periodo",
            valor=str(periodo) if isinstance(periodo, Periodo) else periodo,
        )

    def filas(self) -> list[dict[str, Any]]:
        """Las filas de `Informe.filas()` de cada periodo, en orden de periodo, cada una con
        ``periodo`` (``"2012-03"``) como primera clave."""
        return [
            {"periodo": periodo, **fila}
            for inf in self.informes
            for periodo in (str(inf.periodo),)
            for fila in inf.filas()
        ]

    def a_pandas(self) -> pandas.DataFrame:
        """Las filas como `pandas.DataFrame` con tipos reales (ver `Informe.a_pandas`)."""
        from sena_relacionamiento.io.dataframes import a_pandas

        return a_pandas(self.filas(), serie=True)

    def a_polars(self) -> polars.DataFrame:
        """Las filas como `polars.DataFrame` con tipos reales (ver `Informe.a_polars`)."""
        from sena_relacionamiento.io.dataframes import a_polars

        return a_polars(self.filas(), serie=True)

    def __repr__(self) -> str:
        excluidos = [sum(inf.resumen_excluidos().values()) for inf in self.informes]
        return (
            f"<Serie {self.desde}…{self.hasta}: {len(self)} periodos, "
            f"excluidos por periodo {excluidos}>"
        )


def _parametros_por_vigencia(
    parametros: Parametros | Sequence[Parametros], vigencias: Sequence[int]
) -> dict[int, Parametros]:
    """Los parámetros de cada vigencia del lapso; falta o repetición de una vigencia es un
    `DatoInvalido` que la nombra (R29)."""
    if isinstance(parametros, Parametros):
        por_vigencia = {parametros.vigencia: parametros}
    elif isinstance(parametros, Sequence) and not isinstance(parametros, str):
        por_vigencia = {}
        for p in parametros:
            if not isinstance(p, Parametros):
                raise DatoInvalido(
                    "se esperaba un Parametros por vigencia", campo="parametros", valor=p
                )
            if p.vigencia in por_vigencia:
                raise DatoInvalido(
                    f"hay dos Parametros de la vigencia {p.vigencia}",
                    campo="parametros",
                    valor=p.vigencia,
                )
            por_vigencia[p.vigencia] = p
    else:
        raise DatoInvalido(
            "se esperaba un Parametros o una secuencia de Parametros, uno por vigencia",
            campo="parametros",
            valor=parametros,
        )
    faltan = [v for v in vigencias if v not in por_vigencia]
    if faltan:
        dadas = ", ".join(str(v) for v in sorted(por_vigencia)) or "ninguna"
        raise DatoInvalido(
            f"faltan los Parametros de la vigencia {', '.join(map(str, faltan))} "
            f"(se dieron los de: {dadas})",
            campo="parametros",
            valor=faltan[0] if len(faltan) == 1 else faltan,
        )
    return por_vigencia


def _periodos(desde: object, hasta: object) -> list[Periodo]:
    for nombre, valor in (("desde", desde), ("hasta", hasta)):
        if not isinstance(valor, Periodo):
            raise DatoInvalido("se esperaba un Periodo", campo=nombre, valor=valor)
    assert isinstance(desde, Periodo)
    assert isinstance(hasta, Periodo)
    if desde.dia_corte != hasta.dia_corte:
        raise DatoInvalido(
            f"desde corta el día {desde.dia_corte} y hasta el día {hasta.dia_corte}",
            campo="hasta",
            valor=str(hasta),
        )
    if hasta < desde:
        raise DatoInvalido(f"hasta es anterior a desde ({desde})", campo="hasta", valor=str(hasta))
    periodos = [desde]
    while periodos[-1] != hasta:
        periodos.append(periodos[-1].siguiente())
    return periodos


def serie(
    datos: DatosSeguimiento,
    desde: Periodo,
    hasta: Periodo,
    *,
    parametros: Parametros | Sequence[Parametros] = PARAMETROS_2012,
) -> Serie:
    """Un `Informe` por periodo de `desde` a `hasta`, ambos incluidos (R13–R25).

    Cada periodo se calcula con las reglas de `informe()` y los `parametros` de su vigencia:
    un `Parametros` si el lapso cae en una sola vigencia, o una secuencia con uno por cada
    vigencia que el lapso toca (si sobran los de otras vigencias, no se usan). Una vigencia
    sin parámetros o con dos es un `DatoInvalido` que la nombra; también lo son un `hasta`
    anterior a `desde` y periodos de cortes distintos.
    """
    if not isinstance(datos, DatosSeguimiento):
        raise DatoInvalido("se esperaba un DatosSeguimiento", campo="datos", valor=datos)
    periodos = _periodos(desde, hasta)
    vigencias = sorted({p.anio for p in periodos})
    por_vigencia = _parametros_por_vigencia(parametros, vigencias)
    # Todas las ventanas se revisan antes de calcular: un error sale antes del primer mes.
    contextos = [Contexto.de(p, por_vigencia[p.anio]) for p in periodos]
    # Lo que no depende del periodo se prepara una vez (indicadores/_previo.py).
    previo = Previo.de(datos)
    return Serie(tuple(_consolidar(datos, ctx, _calcular(datos, ctx, previo)) for ctx in contextos))
