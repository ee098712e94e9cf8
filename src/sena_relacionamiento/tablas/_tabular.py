"""`informe_tabular`: las filas de `Informe.filas()` calculadas sobre marcos de datos."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any, Final

import attrs
import narwhals.stable.v2 as nw

from sena_relacionamiento._inmutable import MapaFijo
from sena_relacionamiento.datos import DatosSeguimiento, Motivo
from sena_relacionamiento.enumeraciones import Rol
from sena_relacionamiento.errores import DatoInvalido, ErrorMotor, ErrorSena
from sena_relacionamiento.indicadores._base import Calculo, Contexto
from sena_relacionamiento.indicadores.resultado import Indicador
from sena_relacionamiento.informe import RAZONES
from sena_relacionamiento.parametros import PARAMETROS_2012, Parametros
from sena_relacionamiento.periodos import Periodo
from sena_relacionamiento.regionales import regional
from sena_relacionamiento.registros import Gestor
from sena_relacionamiento.tablas import af, cartera, cv, ec, eg, em, ep, pe, sismeg
from sena_relacionamiento.tablas._esquema import preparar
from sena_relacionamiento.tablas._filas import columnas as columnas_de_filas
from sena_relacionamiento.tablas._motor import Motor, Paso, ejecutar, es_nulo, recoger
from sena_relacionamiento.tablas._versiones import exigir_motor

__all__ = ["COLUMNAS", "InformeTabular", "a_filas", "informe_tabular"]

COLUMNAS: Final[Mapping[str, Any]] = {
    "ambito": nw.String(),
    "clave": nw.String(),
    "indicador": nw.String(),
    "inicio": nw.Date(),
    "fin": nw.Date(),
    "valor": nw.String(),
    "meta": nw.String(),
    "numerador": nw.Int64(),
    "denominador": nw.Int64(),
    "estado": nw.String(),
    "semaforo": nw.String(),
}
"""Las columnas del marco de salida y sus tipos (``valor`` y ``meta`` como texto exacto)."""

_TIPOS_SPARK: Final = {nw.String: "string", nw.Date: "date", nw.Int64: "bigint"}
_ESQUEMA_SPARK: Final = ", ".join(
    f"{nombre} {_TIPOS_SPARK[type(tipo)]}" for nombre, tipo in COLUMNAS.items()
)
"""`COLUMNAS` como esquema DDL de Spark (y SQLFrame)."""

_RAZONES: Final = frozenset(indicador.name for indicador in RAZONES)


@contextlib.contextmanager
def _etapa(tabla: str, que: str) -> Iterator[None]:
    """Un error del motor (narwhals, pandas, polars, pyarrow, DuckDB…) durante `que` sale como
    `ErrorMotor` que nombra la tabla y la etapa; los `ErrorSena` pasan tal cual."""
    try:
        yield
    except ErrorSena:
        raise
    except Exception as error:
        raise ErrorMotor(tabla, que, error) from error


@attrs.frozen(kw_only=True)
class InformeTabular:
    """Lo que da `informe_tabular`.

    - `filas`: un marco del mismo tipo que las tablas de entrada (perezoso si lo eran) con una
      fila por (ámbito, indicador), las de `Informe.filas()` y en su orden.
    - `registros`: cuántas filas tenía cada tabla de entrada.
    - `excluidos`: tabla → motivo → cuántas filas se excluyeron (R23). Las demás filas de cada
      tabla cuentan en alguna cifra: nada se pierde.
    """

    periodo: Periodo
    filas: Any
    registros: MapaFijo[str, int]
    excluidos: MapaFijo[str, MapaFijo[str, int]]

    def resumen_excluidos(self) -> Mapping[str, int]:
        """Cuántas filas se excluyeron por motivo, sumando todas las tablas (como
        `Informe.resumen_excluidos()`)."""
        resumen: dict[str, int] = {}
        for motivos in self.excluidos.values():
            for motivo, n in motivos.items():
                resumen[motivo] = resumen.get(motivo, 0) + n
        return MapaFijo(resumen)


def _gestores(nativo: Any, *, nombres: bool = False) -> list[Gestor]:
    """Los gestores como registros `Gestor` (tabla pequeña): se validan como en el núcleo.
    Con `nombres`, con el nombre de cada uno (las salidas para personas lo muestran)."""
    t = preparar("gestores", nativo)
    datos: dict[str, list[Any]] = recoger(t.marco).to_dict(as_series=False)
    # Sin `nombres`, ninguno; con ellos, un nulo (el NaN de pandas) es un gestor sin nombre.
    datos["nombre"] = [None if not nombres or es_nulo(v) else v for v in datos["nombre"]]
    # Cada rol y regional distintos se leen una vez; un valor inválido se deja tal cual para
    # que `Gestor` dé su error (con la fila).
    roles = _leidos(datos["rol"], lambda v: Rol.de(v, "rol"))
    regionales = _leidos(datos["regional"], regional)
    gestores = []
    for posicion, (id_, rol, region, nombre) in enumerate(
        zip(datos["id"], datos["rol"], datos["regional"], datos["nombre"], strict=True)
    ):
        try:
            gestores.append(
                Gestor(
                    id=id_,
                    rol=roles.get(rol, rol),
                    regional=regionales.get(region, region),
                    nombre=nombre,
                )
            )
        except DatoInvalido as error:
            raise error.con_origen(f"gestores, fila {posicion}") from None
    return gestores


def _leidos(valores: list[Any], leer: Callable[[Any], Any]) -> dict[Any, Any]:
    """Cada texto distinto de `valores` con lo que da `leer`, salvo los que no se pueden leer."""
    leidos = {}
    for valor in {v for v in valores if isinstance(v, str)}:
        with contextlib.suppress(DatoInvalido):
            leidos[valor] = leer(valor)
    return leidos


def _salida(columnas: dict[str, list[Any]], modelo: Any) -> Any:
    """Las columnas como marco nativo del mismo tipo que `modelo` (perezoso si `modelo` lo
    es); ``valor`` y ``meta`` como texto exacto."""
    for nombre in ("valor", "meta"):
        columnas[nombre] = [None if v is None else str(v) for v in columnas[nombre]]
    implementacion = modelo.implementation
    if implementacion is nw.Implementation.DASK:
        # Desde pandas con tipos de Arrow: Dask pasaría las fechas (objetos) a texto y los
        # enteros con nulos a float.
        dd = implementacion.to_native_namespace()
        return dd.from_pandas(_pandas(columnas), npartitions=1)
    if implementacion.is_spark_like():
        # Spark y SQLFrame: el marco de salida se arma en la sesión de la entrada, con el
        # esquema explícito (sin adivinar tipos de columnas con nulos).
        sesion = modelo.to_native().sparkSession
        filas = list(zip(*columnas.values(), strict=True))
        return sesion.createDataFrame(filas, schema=_ESQUEMA_SPARK)
    if isinstance(modelo, nw.LazyFrame):
        polars = nw.Implementation.POLARS
        ansioso: Any = polars if implementacion is polars else nw.Implementation.PYARROW
        marco = nw.from_dict(columnas, COLUMNAS, backend=ansioso)
        return marco.lazy(backend=implementacion).to_native()
    if implementacion is nw.Implementation.PANDAS:
        return _pandas(columnas)
    return nw.from_dict(columnas, COLUMNAS, backend=implementacion).to_native()


def _pandas(columnas: dict[str, list[Any]]) -> Any:
    """Las columnas como marco de pandas con tipos de Arrow: enteros con nulos sin pasar a
    float, fechas como fechas."""
    pd = nw.Implementation.PANDAS.to_native_namespace()
    tabla = nw.from_dict(columnas, COLUMNAS, backend=nw.Implementation.PYARROW).to_native()
    return tabla.to_pandas(types_mapper=pd.ArrowDtype)


def informe_tabular(
    *,
    gestores: Any,
    asignaciones: Any,
    periodo: Periodo,
    contactos: Any = None,
    servicios: Any = None,
    solicitudes: Any = None,
    ambientes: Any = None,
    contratos: Any = None,
    cuotas: Any = None,
    eventos: Any = None,
    logros: Any = None,
    parametros: Parametros = PARAMETROS_2012,
) -> InformeTabular:
    """Las cifras de `informe(datos, periodo).filas()` calculadas sobre marcos de datos.

    Cada argumento de registros es un marco con las columnas del registro del mismo nombre
    (API.md): ``gestores`` (id, rol, regional), ``asignaciones`` (gestor, nit), ``contactos``
    (gestor, nit, fecha, tipo, medio), ``servicios`` (nit, fecha, servicio[, gestor]),
    ``solicitudes`` (id, fecha, servicio, regional[, gestor, nit, fecha_gestion]),
    ``ambientes`` (gestor, fecha, valor[, cantidad]), ``contratos`` (nit, regional, fecha,
    obligada[, cuota_regulada]), ``cuotas`` (nit, cuota_regulada, monetiza[, gestor]),
    ``eventos`` (regional, fecha, asistentes, razon[, gestor]) y ``logros`` (gestor,
    fecha[, formados, empleos]). `None` es una tabla vacía. Todas deben ser del mismo tipo
    (todas polars, todas pandas, todas relaciones de DuckDB…).

    Una columna que falta o de tipo equivocado es un `DatoInvalido` que nombra
    ``tabla.columna``; las mismas contradicciones que revisa `DatosSeguimiento` son
    `RegistroInconsistente`. Ver docs/tablas.md para los tipos de cada columna y las
    decisiones (fechas, NIT, nulos, valores exactos).
    """
    ctx, datos, motor, calculos, modelo = _calculos(
        periodo=periodo,
        parametros=parametros,
        tablas={
            "gestores": gestores,
            "asignaciones": asignaciones,
            "contactos": contactos,
            "servicios": servicios,
            "solicitudes": solicitudes,
            "ambientes": ambientes,
            "contratos": contratos,
            "cuotas": cuotas,
            "eventos": eventos,
            "logros": logros,
        },
    )
    columnas = columnas_de_filas(datos.indice.gestores, ctx, calculos)
    with _etapa("filas", "armar el marco de salida"):
        filas = _salida(columnas, modelo)
    return InformeTabular(
        periodo=periodo,
        filas=filas,
        registros=MapaFijo(motor.registros),
        excluidos=MapaFijo({t: MapaFijo(m) for t, m in motor.excluidos.items()}),
    )


def _calculos(
    *,
    periodo: Periodo,
    parametros: Parametros,
    tablas: dict[str, Any],
    detalle: bool = False,
    filas: bool = False,
) -> tuple[Contexto, DatosSeguimiento, Motor, dict[Indicador, Calculo], Any]:
    """El contexto, los gestores (en un `DatosSeguimiento` sin más registros), el motor (con
    las cuentas de filas y de excluidos) y el `Calculo` de cada indicador sobre las tablas:
    lo que `informe_tabular` pasa a filas y la línea de comandos a un `Informe`. Con
    `detalle`, los parciales llevan también el detalle de cada resultado; con `filas` (las
    tablas tienen ``_fila``), el motor anota las consultas de las filas excluidas (`Motor`).

    Lo que el motor materializó para compartir entre consultas (`Motor.compartir` y
    `Motor.reusar`: tablas temporales de DuckDB, lo persistido en Spark y Dask) se suelta al
    volver, también si armar o recoger una consulta falla. (Las consultas de filas excluidas
    solo se anotan sobre polars, en la línea de órdenes, donde `compartir` no materializa
    nada.)"""
    ctx = Contexto.de(periodo, parametros)
    gestores = tablas["gestores"]
    modelo = _modelo(tablas)
    with _etapa("gestores", "leer los gestores"):
        lista_gestores = _gestores(gestores, nombres=detalle)
    conocidos = _conocidos(gestores, modelo)
    with Motor(ctx, lista_gestores, conocidos, detalle=detalle, filas=filas) as motor:
        datos, calculos = _calcular(motor, tablas, lista_gestores)
        return ctx, datos, motor, calculos, modelo


def _calcular(
    motor: Motor, tablas: dict[str, Any], lista_gestores: Sequence[Gestor]
) -> tuple[DatosSeguimiento, dict[Indicador, Calculo]]:
    """Los gestores en un `DatosSeguimiento` y el `Calculo` de cada indicador (`_calculos`)."""
    asignaciones = tablas["asignaciones"]
    contactos, servicios, solicitudes = (
        tablas["contactos"],
        tablas["servicios"],
        tablas["solicitudes"],
    )
    ambientes, contratos, cuotas = tablas["ambientes"], tablas["contratos"], tablas["cuotas"]
    eventos, logros = tablas["eventos"], tablas["logros"]
    datos = DatosSeguimiento(gestores=lista_gestores, asignaciones=())
    motor.registros["gestores"] = len(lista_gestores)
    # R14, R23: un gestor repetido (mismo id y mismo contenido) es uno solo.
    repetidos = len(datos.excluidos)
    motor.excluidos["gestores"] = {Motivo.REPETIDO: repetidos} if repetidos else {}
    # Primero las tablas grandes (asignaciones, contactos y servicios, que comparten la cartera
    # y las empresas contactadas): con polars se recogen mientras se arman las consultas de las
    # demás tablas (`ejecutar`).
    vacio: Paso[Calculo] = Paso((), Calculo)
    with _etapa("asignaciones", "armar la consulta de la cartera"):
        empresas, paso_cartera = cartera.paso(motor, asignaciones)
    with _etapa("contactos", "armar la consulta de EC"):
        paso_ec, contactadas = ec.paso(motor, contactos, empresas)
    with _etapa("servicios", "armar la consulta de EP"):
        paso_ep = (
            ep.paso(motor, servicios, empresas, contactadas) if servicios is not None else vacio
        )

    def armar(tabla: str, indicador: str, paso: Callable[[], Paso[Calculo]]) -> Paso[Calculo]:
        if tablas[tabla] is None:
            return vacio
        with _etapa(tabla, f"armar la consulta de {indicador}"):
            return paso()

    def resto() -> dict[Indicador, Paso[Calculo]]:
        return {
            Indicador.SISMEG_FORMADOS: armar(
                "logros", "SISMEG", lambda: sismeg.paso(motor, logros)
            ),
            Indicador.EG: armar("solicitudes", "EG", lambda: eg.paso(motor, solicitudes)),
            Indicador.AF: armar("ambientes", "AF", lambda: af.paso(motor, ambientes)),
            Indicador.CV: armar("contratos", "CV", lambda: cv.paso(motor, contratos, empresas)),
            Indicador.EM: armar("cuotas", "EM", lambda: em.paso(motor, cuotas, empresas)),
            Indicador.PE: armar("eventos", "PE", lambda: pe.paso(motor, eventos)),
        }

    presentes = ", ".join(nombre for nombre, tabla in tablas.items() if tabla is not None)
    with _etapa(presentes, "recoger las consultas"):
        (_, calculo_ec, calculo_ep), calculos = ejecutar([paso_cartera, paso_ec, paso_ep], resto)
    calculos |= {Indicador.EC: calculo_ec, Indicador.EP: calculo_ep}
    calculos[Indicador.SISMEG_EMPLEOS] = calculos[Indicador.SISMEG_FORMADOS]
    # R16: las empresas contactadas (el numerador de EC) son el denominador de EP.
    for id_gestor, parcial in calculos[Indicador.EC].por_gestor.items():
        calculos[Indicador.EP].gestor(id_gestor).denominador = int(parcial.numerador)
    return datos, calculos


_POR_HASH: Final = frozenset(
    {nw.Implementation.POLARS, nw.Implementation.PANDAS, nw.Implementation.PYARROW}
)


def _conocidos(gestores: Any, modelo: Any) -> Any:
    """Los ids de los gestores como tabla (``gestor``, ``_conocido``) del motor de la entrada,
    para cruzar con ella (`Motor.con_conocido`) en los motores perezosos de SQL, Dask y Spark;
    `None` en polars, pandas y pyarrow, donde `is_in` ya busca por hash."""
    if modelo.implementation in _POR_HASH:
        return None
    return (
        preparar("gestores", gestores)
        .marco.select(nw.col("id").cast(nw.String).alias("gestor"))
        .unique()
        .with_columns(_conocido=nw.lit(value=True))
    )


def _modelo(tablas: Mapping[str, Any]) -> Any:
    """El marco narwhals de `gestores`, tras revisar que todas las tablas son del mismo tipo."""
    modelo: Any = None
    for nombre, nativo in tablas.items():
        if nativo is None:
            if nombre in ("gestores", "asignaciones"):
                raise DatoInvalido("falta la tabla", campo=nombre)
            continue
        try:
            marco = nw.from_native(nativo)
        except TypeError:
            raise DatoInvalido(
                "se esperaba un marco de datos (pandas, polars, pyarrow, DuckDB…)",
                campo=nombre,
                valor=type(nativo).__name__,
            ) from None
        exigir_motor(marco.implementation.value, nombre)
        if modelo is None:
            modelo = marco
        elif (marco.implementation, isinstance(marco, nw.LazyFrame)) != (
            modelo.implementation,
            isinstance(modelo, nw.LazyFrame),
        ):
            raise DatoInvalido(
                "todas las tablas deben ser del mismo tipo que gestores "
                f"({modelo.implementation}"
                f"{' perezoso' if isinstance(modelo, nw.LazyFrame) else ''})",
                campo=nombre,
                valor=type(nativo).__name__,
            )
    return modelo


def a_filas(filas: Any) -> list[dict[str, Any]]:
    """Las filas de un marco de `informe_tabular` como las de `Informe.filas()`: ``valor`` es
    `Decimal` en las razones (EC, EP, EG, EM) e `int` en los conteos; ``meta`` es `Decimal`
    si tiene decimales y si no `int`; fechas como `date`.

    Recoge el marco si es perezoso. Un marco que no lo es, o de un motor en una versión no
    soportada, es un `DatoInvalido` o una `DependenciaFaltante`; un error del motor, un
    `ErrorMotor`.
    """
    try:
        nativo = nw.from_native(filas)
    except TypeError:
        raise DatoInvalido(
            "se esperaba un marco de datos (pandas, polars, pyarrow, DuckDB…)",
            campo="filas",
            valor=type(filas).__name__,
        ) from None
    exigir_motor(nativo.implementation.value, "filas")
    with _etapa("filas", "leer las filas"):
        return _a_filas(nativo)


def _a_filas(nativo: Any) -> list[dict[str, Any]]:
    marco = recoger(nativo)
    if marco.implementation.is_pandas_like():
        # Por Arrow: NaN, NA y NaT de pandas dan `None`, y las fechas siguen siendo fechas
        # (``to_dict`` de pandas 2.2.0 las da como enteros en nanosegundos).
        marco = nw.from_native(marco.to_arrow(), eager_only=True)
    datos: dict[str, list[Any]] = marco.to_dict(as_series=False)
    columnas = {nombre: datos[nombre] for nombre in COLUMNAS}
    for nombre in ("numerador", "denominador"):
        columnas[nombre] = [None if v is None else int(v) for v in columnas[nombre]]
    columnas["valor"] = [
        None if v is None else Decimal(v) if indicador in _RAZONES else int(v)
        for v, indicador in zip(columnas["valor"], columnas["indicador"], strict=True)
    ]
    columnas["meta"] = [
        None if v is None else Decimal(v) if "." in v else int(v) for v in columnas["meta"]
    ]
    for nombre in ("inicio", "fin"):
        columnas[nombre] = [v.date() if isinstance(v, datetime) else v for v in columnas[nombre]]
    return [dict(zip(COLUMNAS, fila, strict=True)) for fila in zip(*columnas.values(), strict=True)]
