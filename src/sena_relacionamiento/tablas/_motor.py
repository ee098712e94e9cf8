"""La maquinaria común de la vía por columnas (uso interno de `tablas`).

Cada indicador tiene aquí su gemelo: la regla de conteo de `indicadores/<x>.py` (la vía por
registros) escrita otra vez con narwhals en `tablas/<x>.py` (la vía por columnas), y la
cartera de `datos.py` (R14) en `tablas/cartera.py`. Este módulo tiene solo lo que comparten:
cómo se arma un paso, cómo se recogen sus consultas y cómo se reparten las filas entre las
cifras y los motivos de exclusión (R23).

Cada gemelo agrega sus registros en el motor del marco (polars, pandas, pyarrow, DuckDB…)
hasta una tabla pequeña (una fila por gestor, o por regional para lo que no es de ningún
gestor) de enteros: numeradores, denominadores y conteos. Esa tabla pequeña se recoge en Python
y se convierte en los mismos `Parcial` y `Calculo` que usa `informe()`, de modo que la
consolidación (R22), el estado y el semáforo (R24–R25) son exactamente los del núcleo: de
ellos hay una sola implementación.

Cada paso (`Paso`) se hace en dos tiempos: primero se arman sus consultas perezosas; luego se
recogen (`ejecutar`: con polars, las de las tablas grandes en un `collect_all` que comparte lo
común, como la cartera, mientras se arman las demás) y cada paso interpreta las suyas, en el
orden de siempre (así los errores salen en el mismo orden).
"""

from __future__ import annotations

import importlib
import uuid
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Final, Generic, NoReturn, TypeVar

import attrs
import narwhals.stable.v2 as nw

from sena_relacionamiento.datos import Motivo
from sena_relacionamiento.errores import DatoInvalido, RegistroInconsistente
from sena_relacionamiento.indicadores._base import Calculo, Contexto, Parcial
from sena_relacionamiento.regionales import regional
from sena_relacionamiento.registros import Gestor
from sena_relacionamiento.tablas._esquema import FILA, REGISTROS, Tabla, desde, hasta

__all__ = [
    "CONTADO",
    "MOTIVO_NULO",
    "SIN_GESTOR",
    "Excluidas",
    "Motor",
    "Paso",
    "agrupar",
    "clave",
    "codigo_de",
    "columnas_de",
    "ejecutar",
    "entero",
    "es_nulo",
    "fila",
    "invalido",
    "por_gestor",
    "recoger",
    "registros_de",
]

MOTIVO_NULO: Final = Motivo.DATO_NULO
"""Motivo de exclusión (R23) de una fila con un nulo donde el registro no lo admite (una fecha
o un NIT nulos nunca cuentan como una empresa distinta)."""

CONTADO: Final = ""  # la «razón» de una fila que sí cuenta
SIN_GESTOR: Final = ""  # clave de gestor de lo que no es de ningún gestor

_HILOS_SPARK: Final = 8
"""Cuántas consultas de Spark se recogen a la vez (cada una es un trabajo pequeño: mientras
una espera al planificador, otra calcula)."""

T = TypeVar("T")
K = TypeVar("K")


def recoger(marco: Any) -> Any:
    """El marco como `nw.DataFrame` (recoge un `LazyFrame`: solo se usa con tablas pequeñas)."""
    return marco.collect() if isinstance(marco, nw.LazyFrame) else marco


_NO_NULOS: Final = frozenset({str, int, bool, Decimal, date, datetime})


def es_nulo(valor: Any) -> bool:
    """`None`, NaN o el `NA` de pandas."""
    if valor is None:
        return True
    if type(valor) in _NO_NULOS:  # lo común, sin comparar
        return False
    return valor != valor or type(valor).__name__ in ("NAType", "NaTType")


Columnas = dict[str, list[Any]]


def columnas_de(marco: Any) -> Columnas:
    """Un marco pequeño como columnas de valores Python (sin un dict por fila)."""
    columnas: Columnas = recoger(marco).to_dict(as_series=False)
    return columnas


def registros_de(tabla: str, marco: Any, n: int | None = 2) -> tuple[Any, ...]:
    """Las primeras `n` filas (todas, con `None`) de `marco` (ya filtrado a las que se
    contradicen) como registros del tipo de `tabla` (`Solicitud`, `EmpresaCuota`…): los mismos
    objetos que nombra el error del núcleo. Solo se usa al armar un error: recoge unas pocas filas.

    Una fila que no puede ser un registro da el `DatoInvalido` del núcleo, con la tabla como
    origen (por ejemplo, una solicitud gestionada antes de recibirse, R17)."""
    tipo = REGISTROS[tabla]
    campos = [campo.name for campo in attrs.fields(tipo)]
    # Por Arrow: valores Python (no de numpy ni `Timestamp` de pandas) en todos los motores.
    marco = marco.select(*campos)
    filas = recoger(marco if n is None else marco.head(n)).to_arrow().to_pylist()
    registros = []
    for fila in filas:
        try:
            # Solo los campos: pandas puede sumar su índice como columna al pasar a Arrow.
            registros.append(tipo(**{campo: fila[campo] for campo in campos}))
        except DatoInvalido as error:
            raise error.con_origen(tabla) from None
    return tuple(registros)


def invalido(tabla: str, filas: Any, campo: str) -> NoReturn:
    """El `DatoInvalido` del núcleo para la primera de `filas`, que no puede ser un registro
    (una solicitud gestionada antes de recibirse, una empresa sin cuota que la monetiza…)."""
    registros_de(tabla, filas, 1)
    raise DatoInvalido(  # pragma: no cover - `registros_de` ya dio el error del registro
        "la fila no puede ser un registro", campo=f"{tabla}.{campo}"
    )


@attrs.frozen
class Excluidas:
    """Una consulta perezosa de filas excluidas de `tabla` (`Motor.anotar_excluidas`): columnas
    ``_fila``, ``_m`` (el motivo, número desde 1 en `motivos`), ``_veces`` y ``_grupo``. Con
    `por_orden`, de las filas de cada ``_grupo`` la primera en el orden de los registros
    cuenta y las demás se excluyen."""

    tabla: str
    consulta: Any  # nw.LazyFrame
    motivos: tuple[str, ...]
    por_orden: bool


@attrs.frozen
class Paso(Generic[T]):
    """Las consultas perezosas de un paso y la función que interpreta lo que dan, ya recogido
    (un `nw.DataFrame` por consulta, en el mismo orden)."""

    consultas: tuple[Any, ...]  # nw.LazyFrame
    interpretar: Callable[..., T]


def _recoger_todas(consultas: Sequence[Any]) -> list[Any]:
    """Recoge las consultas perezosas: con polars en un solo `collect_all`, que las optimiza
    juntas (lo común se calcula una vez) y las corre en paralelo; con Dask en un solo
    `dask.compute` (un grafo, una visita al planificador); con Spark, varias a la vez en
    hilos (`_HILOS_SPARK`; cada una es un trabajo pequeño); con los demás motores, una tras
    otra. Lo común ya está materializado (`Motor.compartir`, `Motor.reusar`). Un error sale en
    el orden de las consultas."""
    if _de_polars(consultas):
        pl = nw.Implementation.POLARS.to_native_namespace()
        return [nw.from_native(r) for r in pl.collect_all([c.to_native() for c in consultas])]
    if consultas and consultas[0].implementation is nw.Implementation.DASK:
        dask = importlib.import_module("dask")
        recogidas = dask.compute(*(c.to_native() for c in consultas))
        return [nw.from_native(r, eager_only=True) for r in recogidas]
    if consultas and consultas[0].implementation is nw.Implementation.PYSPARK:
        with ThreadPoolExecutor(max_workers=_HILOS_SPARK) as hilos:
            return list(hilos.map(_recoger_una, consultas))
    return [c.collect() for c in consultas]


def _recoger_una(consulta: Any) -> Any:
    """Una consulta recogida (en un hilo, con Spark)."""
    return consulta.collect()


def _de_polars(consultas: Sequence[Any]) -> bool:
    return all(c.implementation is nw.Implementation.POLARS for c in consultas)


def _interpretar(pasos: Sequence[Paso[T]], recogidas: Sequence[Any]) -> list[T]:
    resultados = []
    for paso in pasos:
        propias, recogidas = recogidas[: len(paso.consultas)], recogidas[len(paso.consultas) :]
        resultados.append(paso.interpretar(*propias))
    return resultados


def ejecutar(
    primeros: Sequence[Paso[Any]], armar_resto: Callable[[], Mapping[K, Paso[T]]]
) -> tuple[list[Any], dict[K, T]]:
    """Recoge las consultas de los pasos `primeros` y de los que arma `armar_resto`, y da lo que
    interpreta cada paso, en orden: primero los `primeros`, luego los demás.

    Con polars, las consultas de `primeros` (las de las tablas grandes) se recogen en un hilo
    mientras se arman las de los demás pasos, que luego se recogen juntas: el trabajo de Python
    de armar consultas no deja quieto al motor. El hilo termina antes de volver (también si
    armar los demás pasos falla). Con los demás motores, todo se recoge al final, junto
    (`_recoger_todas`).
    """
    pendientes = [c for paso in primeros for c in paso.consultas]
    if _de_polars(pendientes):
        with ThreadPoolExecutor(max_workers=1) as hilo:
            futuro = hilo.submit(_recoger_todas, pendientes)
            resto = armar_resto()
            de_resto = _recoger_todas([c for paso in resto.values() for c in paso.consultas])
            recogidas = futuro.result()
    else:
        resto = armar_resto()
        todas = _recoger_todas([*pendientes, *(c for p in resto.values() for c in p.consultas)])
        recogidas, de_resto = todas[: len(pendientes)], todas[len(pendientes) :]
    return (
        _interpretar(primeros, recogidas),
        dict(zip(resto, _interpretar(list(resto.values()), de_resto), strict=True)),
    )


def fila(motor: Motor) -> list[str]:
    """``[FILA]`` si el motor anota las filas excluidas (`Motor.filas`), si no ``[]``: la
    columna que un gemelo conserva al elegir las suyas."""
    return [FILA] if motor.filas else []


def codigo_de(pares: Sequence[tuple[nw.Expr, str]], desde: int = 0) -> nw.Expr:
    """La columna ``_m``: el número (desde 1) de la primera condición verdadera de
    ``pares[desde:]``, en orden, o 0 si ninguna lo es (la fila cuenta). Con `desde`, las
    condiciones anteriores ya se sabe que son falsas y no se vuelven a evaluar."""
    codigo = nw.lit(0, dtype=nw.Int64)
    for posicion in reversed(range(desde, len(pares))):
        codigo = (
            nw.when(pares[posicion][0]).then(nw.lit(posicion + 1, dtype=nw.Int64)).otherwise(codigo)
        )
    return codigo.alias("_m")


def agrupar(
    marco: Any, claves: Sequence[str], pares: Sequence[tuple[nw.Expr, str]], **sumas: nw.Expr
) -> Any:
    """La consulta de una tabla: sus filas clasificadas (`codigo_de`) y agrupadas por `claves` y
    motivo, con el número de filas ``_n`` y la suma de cada expresión de `sumas`, en una sola
    pasada."""
    return (
        marco.with_columns(codigo_de(pares), **sumas)
        .group_by(*claves, "_m")
        .agg(nw.len().alias("_n"), *(nw.col(nombre).sum() for nombre in sumas))
    )


def entero(condicion: nw.Expr) -> nw.Expr:
    return nw.when(condicion).then(nw.lit(1, dtype=nw.Int64)).otherwise(nw.lit(0, dtype=nw.Int64))


def clave(valor: Any) -> str:
    """La clave de gestor de un grupo: la del gestor o `SIN_GESTOR` si es nula."""
    return SIN_GESTOR if es_nulo(valor) else str(valor)


def por_gestor(marco: Any) -> Any:
    return marco.group_by("gestor").agg(nw.len().alias("n"))


class Motor:
    """Lo común a los pasos de un informe: el contexto, los gestores y la cuenta de filas.

    Cada gemelo (`tablas/<x>.py`) recorre su tabla en una sola consulta que da, por gestor (y
    regional) y motivo de exclusión (R23), el número de filas y las sumas que piden las cifras;
    el resto se hace en Python sobre esas tablas pequeñas. `registros` y `excluidos` se llenan
    al interpretar. Con `detalle`, los gemelos llenan también lo que cada `Resultado` dice en
    su detalle (los mismos desgloses del `Parcial` que la vía por registros), que piden las
    salidas para personas de la línea de comandos. Con `filas` (las tablas tienen la columna
    ``_fila``), cada gemelo anota en `excluidas` las consultas perezosas de sus filas
    excluidas y su motivo, que no se recogen aquí: solo si alguien pide los registros
    excluidos uno por uno (la línea de comandos, para el libro).
    """

    def __init__(
        self,
        ctx: Contexto,
        gestores: Sequence[Gestor],
        conocidos: Any = None,
        *,
        detalle: bool = False,
        filas: bool = False,
    ) -> None:
        self.ctx = ctx
        self.detalle = detalle
        self.filas = filas
        self.excluidas: list[Excluidas] = []
        self.gestores = {g.id: g for g in gestores}
        self.ids = sorted(self.gestores)
        self.conocidos = conocidos
        self.registros: dict[str, int] = {}
        self.excluidos: dict[str, dict[str, int]] = {}
        self._liberar: list[Callable[[], Any]] = []

    # -- lo común, una vez -----------------------------------------------------------------

    def __enter__(self) -> Motor:
        return self

    def __exit__(self, *_: object) -> None:
        self.liberar()

    def compartir(self, marco: Any) -> Any:
        """`marco` (perezoso), que usan varias consultas, calculado una sola vez en el motor:
        en DuckDB, una tabla temporal de la conexión de la entrada; en Spark, `persist()`; en
        Dask, `persist()` (en los trabajadores, si hay un clúster). Con polars no hace falta
        (`collect_all` ya calcula una vez lo común), ni con pandas o pyarrow (ansiosos).

        Lo materializado vive hasta `liberar` (al salir del `with` del motor, también si algo
        falla): la tabla temporal se borra, lo persistido se suelta."""
        implementacion = marco.implementation
        if implementacion is nw.Implementation.DUCKDB:
            return self._tabla_temporal(marco.to_native())
        if implementacion is nw.Implementation.PYSPARK:
            nativo = marco.to_native().persist()
            self._liberar.append(nativo.unpersist)
            return nw.from_native(nativo)
        if implementacion is nw.Implementation.DASK:
            return nw.from_native(marco.to_native().persist())
        return marco

    def reusar(self, marco: Any) -> Any:
        """`marco` (perezoso), que usan varias consultas de un paso, calculado una vez solo en
        Spark (`persist()`, suelto en `liberar`): allí cada consulta es un trabajo aparte que
        lo recalcularía. En los demás motores, tal cual: polars y Dask ya comparten lo común
        de las consultas que recogen juntas, y en DuckDB cada tabla temporal más es memoria (o
        disco) que `memory_limit` debe acotar."""
        if marco.implementation is nw.Implementation.PYSPARK:
            return self.compartir(marco)
        return marco

    def _tabla_temporal(self, relacion: Any) -> Any:
        """La relación como tabla temporal de su conexión (DuckDB), borrada en `liberar`."""
        nombre = f"_sena_{uuid.uuid4().hex}"
        # `query` corre la sentencia en la conexión de la relación (que no se expone).
        relacion.query("_r", f"create temp table {nombre} as select * from _r")
        self._liberar.append(lambda: relacion.query("_r", f"drop table if exists {nombre}"))
        return nw.from_native(relacion.query("_r", f"select * from {nombre}"))

    def liberar(self) -> None:
        """Borra las tablas temporales y suelta lo persistido por `compartir`."""
        while self._liberar:
            self._liberar.pop()()

    # -- utilidades ------------------------------------------------------------------------

    def anotar_excluidas(
        self,
        tabla: str,
        marco: Any,
        motivos: Sequence[str],
        *,
        veces: nw.Expr | None = None,
        grupo: nw.Expr | None = None,
    ) -> None:
        """Con `filas`, anota las filas excluidas de `marco` (que tiene ``_fila`` y ``_m``, el
        número desde 1 del motivo en `motivos`; 0 es una fila que cuenta). `veces`: cuántas
        veces cuenta cada fila (las repetidas, de las que queda una). `grupo`: las filas de un
        mismo grupo de las que cuenta solo la primera en el orden de los registros
        (`clave_de_orden`) y las demás se excluyen con el primer motivo."""
        if not self.filas:
            return
        columnas = {
            "_veces": nw.lit(1, dtype=nw.Int64) if veces is None else veces,
            "_grupo": nw.lit("") if grupo is None else grupo,
        }
        consulta = marco.filter(nw.col("_m") != 0).select(nw.col("_fila"), nw.col("_m"), **columnas)
        self.excluidas.append(Excluidas(tabla, consulta, tuple(motivos), grupo is not None))

    def anotar_codigos(self, tabla: str, marco: Any, pares: Sequence[tuple[nw.Expr, str]]) -> None:
        """`anotar_excluidas` de `marco` clasificado con `codigo_de(pares)`."""
        if self.filas:
            motivos = [motivo for _, motivo in pares]
            self.anotar_excluidas(tabla, marco.with_columns(codigo_de(pares)), motivos)

    def con_conocido(self, marco: Any) -> Any:
        """`marco` con lo que necesita `conocido`: con `conocidos` (la tabla de los ids de los
        gestores, en el motor de la entrada), cruzado con ella por ``gestor``."""
        if self.conocidos is None:
            return marco
        return marco.join(self.conocidos, on="gestor", how="left")

    def conocido(self) -> nw.Expr:
        """Si el ``gestor`` de la fila es uno de los gestores. Con `conocidos`, por el cruce de
        `con_conocido` (lineal en todo motor; `is_in` con todos los ids es, en DuckDB, una
        búsqueda en una lista por fila); si no, con `is_in` (polars, pandas, pyarrow: por
        hash)."""
        if self.conocidos is not None:
            return ~nw.col("_conocido").is_null()
        if not self.ids:  # pyarrow no compara texto con una lista vacía (de tipo nulo)
            return nw.col("gestor").is_null() & nw.lit(value=False)
        return nw.col("gestor").is_in(self.ids)

    def repartir(
        self,
        tabla: str,
        pares: Sequence[tuple[nw.Expr, str]],
        grupos: Columnas,
        *otros: Columnas,
        extra: Mapping[Motivo, int] | None = None,
    ) -> Columnas:
        """Anota el conteo por motivo (columnas ``_m`` y ``_n``) de los grupos de `agrupar` y
        de los `otros` (más los motivos `extra`, descontados de las filas que cuentan) y
        devuelve las columnas de los `grupos` que cuentan (``_m`` = 0)."""
        conteo: dict[str, int] = {CONTADO: 0}
        for columnas in (grupos, *otros):
            for codigo, n in zip(columnas["_m"], columnas["_n"], strict=True):
                motivo = CONTADO if codigo == 0 else pares[codigo - 1][1]
                conteo[motivo] = conteo.get(motivo, 0) + int(n)
        self.anotar(tabla, conteo, extra or {})
        cuentan = [posicion for posicion, codigo in enumerate(grupos["_m"]) if codigo == 0]
        return {nombre: [valores[i] for i in cuentan] for nombre, valores in grupos.items()}

    def anotar(self, tabla: str, conteo: dict[str, int], extra: Mapping[Motivo, int]) -> None:
        contadas = conteo.pop(CONTADO, 0)
        for motivo, n in extra.items():
            conteo[motivo] = conteo.get(motivo, 0) + n
            contadas -= n
        self.registros[tabla] = contadas + sum(conteo.values())
        self.excluidos[tabla] = {m: n for m, n in sorted(conteo.items()) if n}

    @staticmethod
    def mapa_regional(tabla: str, valores: Sequence[Any]) -> dict[Any, str]:
        """Cada valor de la columna ``regional`` con su código DANE (R1, R2), leído con
        `regional()`; los nulos quedan fuera."""
        mapa: dict[Any, str] = {}
        for valor in dict.fromkeys(valores):  # sin repetidos, en orden
            if es_nulo(valor):
                continue
            try:
                mapa[valor] = regional(valor).codigo
            except DatoInvalido as error:
                raise error.con_origen(tabla, "regional") from None
        return mapa

    def normalizar_regional(self, tabla: str, marco: Any) -> Any:
        """Normaliza la columna ``regional`` al código DANE en el motor (R1, R2). Lee antes los
        valores distintos de la columna (una consulta pequeña)."""
        mapa = self.mapa_regional(tabla, columnas_de(marco.select("regional").unique())["regional"])
        if all(k == v for k, v in mapa.items()):
            return marco
        return marco.with_columns(
            # Con `default` (DuckDB lo exige): todo valor no nulo está en `mapa`.
            nw.col("regional").replace_strict(
                list(mapa), list(mapa.values()), default=nw.col("regional"), return_dtype=nw.String
            )
        )

    def revisar_regional_de_gestor(
        self, tabla: str, marco: Any, grupos: Columnas, mapa: Mapping[Any, str]
    ) -> None:
        """Un registro con gestor no puede ser de otra regional que la del gestor (R17, R21).
        El error nombra, como el del núcleo, un registro de `marco` que se contradice y su
        gestor."""
        for id_gestor, valor in dict.fromkeys(
            zip(grupos["gestor"], grupos["regional"], strict=True)
        ):
            gestor = None if es_nulo(id_gestor) else self.gestores.get(id_gestor)
            codigo = mapa.get(valor)
            if gestor is not None and codigo is not None and gestor.regional.codigo != codigo:
                filas = marco.filter(
                    ~nw.col("_nula"),
                    nw.col("gestor") == nw.lit(id_gestor),
                    nw.col("regional") == nw.lit(valor),
                )
                raise RegistroInconsistente(
                    f"{tabla}: un registro es de la regional {regional(codigo)} pero "
                    f"nombra al gestor {id_gestor!r}, de la regional {gestor.regional}",
                    (*registros_de(tabla, filas, 1), gestor),
                )

    def motivos_de_fecha(self, t: Tabla, columna: str = "fecha") -> list[tuple[nw.Expr, str]]:
        ctx, fh = self.ctx, t.fecha_hora[columna]
        return [
            (~hasta(columna, fh, ctx.fin), Motivo.POSTERIOR_AL_CORTE),
            (~desde(columna, fh, ctx.inicio_anio), Motivo.FUERA_DE_VIGENCIA),
        ]

    @staticmethod
    def parcial(calculo: Calculo, id_gestor: str, codigo: str) -> Parcial:
        return calculo.regional(codigo) if id_gestor == SIN_GESTOR else calculo.gestor(id_gestor)
