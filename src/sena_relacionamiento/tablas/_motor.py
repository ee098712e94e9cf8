"""El cálculo pesado sobre marcos de datos, escrito una vez con narwhals (uso interno).

Cada indicador agrega sus registros en el motor del marco (polars, pandas, pyarrow, DuckDB…)
hasta una tabla pequeña (una fila por gestor, o por regional para lo que no es de ningún
gestor) de enteros: numeradores, denominadores y conteos. Esa tabla pequeña se recoge en Python
y se convierte en los mismos `Parcial` y `Calculo` que usa `informe()`, de modo que la
consolidación (R22), el estado y el semáforo (R24–R25) son exactamente los del núcleo.

Cada paso (`Paso`) se hace en dos tiempos: primero se arman sus consultas perezosas; luego se
recogen (`ejecutar`: con polars, las de las tablas grandes en un `collect_all` que comparte lo
común, como la cartera, mientras se arman las demás) y cada paso interpreta las suyas, en el
orden de siempre (así los errores salen en el mismo orden).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Final, Generic, TypeVar

import attrs
import narwhals.stable.v2 as nw

from sena_relacionamiento._texto import clave_servicio
from sena_relacionamiento.datos import Motivo
from sena_relacionamiento.errores import DatoInvalido, RegistroInconsistente
from sena_relacionamiento.indicadores._base import Calculo, Contexto, Parcial
from sena_relacionamiento.regionales import regional
from sena_relacionamiento.registros import Gestor
from sena_relacionamiento.tablas._esquema import Tabla, desde, hasta, preparar

__all__ = ["MOTIVO_NULO", "Motor", "Paso", "ejecutar"]

MOTIVO_NULO: Final = "dato nulo en una columna obligatoria"
"""Motivo de exclusión (R23) de una fila con un nulo donde el registro no lo admite (una fecha
o un NIT nulos nunca cuentan como una empresa distinta)."""

_CONTADO: Final = ""  # la «razón» de una fila que sí cuenta
_SIN_GESTOR: Final = ""  # clave de gestor de lo que no es de ningún gestor

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


def _columnas(marco: Any) -> Columnas:
    """Un marco pequeño como columnas de valores Python (sin un dict por fila)."""
    columnas: Columnas = recoger(marco).to_dict(as_series=False)
    return columnas


@attrs.frozen
class Paso(Generic[T]):
    """Las consultas perezosas de un paso y la función que interpreta lo que dan, ya recogido
    (un `nw.DataFrame` por consulta, en el mismo orden)."""

    consultas: tuple[Any, ...]  # nw.LazyFrame
    interpretar: Callable[..., T]


def _recoger_todas(consultas: Sequence[Any]) -> list[Any]:
    """Recoge las consultas perezosas: con polars en un solo `collect_all`, que las optimiza
    juntas (lo común se calcula una vez) y las corre en paralelo; con los demás motores, una
    tras otra."""
    if _de_polars(consultas):
        pl = nw.Implementation.POLARS.to_native_namespace()
        return [nw.from_native(r) for r in pl.collect_all([c.to_native() for c in consultas])]
    return [c.collect() for c in consultas]


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
    armar los demás pasos falla). Con los demás motores, todo se recoge al final, una consulta
    tras otra.
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
        recogidas = _recoger_todas(pendientes)
        de_resto = _recoger_todas([c for paso in resto.values() for c in paso.consultas])
    return (
        _interpretar(primeros, recogidas),
        dict(zip(resto, _interpretar(list(resto.values()), de_resto), strict=True)),
    )


def _codigo(pares: Sequence[tuple[nw.Expr, str]], desde: int = 0) -> nw.Expr:
    """La columna ``_m``: el número (desde 1) de la primera condición verdadera de
    ``pares[desde:]``, en orden, o 0 si ninguna lo es (la fila cuenta). Con `desde`, las
    condiciones anteriores ya se sabe que son falsas y no se vuelven a evaluar."""
    codigo = nw.lit(0, dtype=nw.Int64)
    for posicion in reversed(range(desde, len(pares))):
        codigo = (
            nw.when(pares[posicion][0]).then(nw.lit(posicion + 1, dtype=nw.Int64)).otherwise(codigo)
        )
    return codigo.alias("_m")


def _agrupar(
    marco: Any, claves: Sequence[str], pares: Sequence[tuple[nw.Expr, str]], **sumas: nw.Expr
) -> Any:
    """La consulta de una tabla: sus filas clasificadas (`_codigo`) y agrupadas por `claves` y
    motivo, con el número de filas ``_n`` y la suma de cada expresión de `sumas`, en una sola
    pasada."""
    return (
        marco.with_columns(_codigo(pares), **sumas)
        .group_by(*claves, "_m")
        .agg(nw.len().alias("_n"), *(nw.col(nombre).sum() for nombre in sumas))
    )


def _entero(condicion: nw.Expr) -> nw.Expr:
    return nw.when(condicion).then(nw.lit(1, dtype=nw.Int64)).otherwise(nw.lit(0, dtype=nw.Int64))


def _clave(valor: Any) -> str:
    """La clave de gestor de un grupo: la del gestor o `_SIN_GESTOR` si es nula."""
    return _SIN_GESTOR if es_nulo(valor) else str(valor)


def _por_gestor(marco: Any) -> Any:
    return marco.group_by("gestor").agg(nw.len().alias("n"))


class Motor:
    """Arma los pasos de los nueve indicadores sobre las tablas de un periodo.

    Cada tabla grande se recorre en una sola consulta que da, por gestor (y regional) y motivo
    de exclusión (R23), el número de filas y las sumas que piden las cifras; el resto se hace
    en Python sobre esas tablas pequeñas. `registros` y `excluidos` se llenan al interpretar.
    """

    def __init__(self, ctx: Contexto, gestores: Sequence[Gestor]) -> None:
        self.ctx = ctx
        self.gestores = {g.id: g for g in gestores}
        self.ids = sorted(self.gestores)
        self.registros: dict[str, int] = {}
        self.excluidos: dict[str, dict[str, int]] = {}

    # -- utilidades ------------------------------------------------------------------------

    def _conocido(self, columna: str = "gestor") -> nw.Expr:
        return nw.col(columna).is_in(self.ids)

    def _repartir(
        self,
        tabla: str,
        pares: Sequence[tuple[nw.Expr, str]],
        grupos: Columnas,
        *otros: Columnas,
        extra: Mapping[str, int] | None = None,
    ) -> Columnas:
        """Anota el conteo por motivo (columnas ``_m`` y ``_n``) de los grupos de `_agrupar` y
        de los `otros` (más los motivos `extra`, descontados de las filas que cuentan) y
        devuelve las columnas de los `grupos` que cuentan (``_m`` = 0)."""
        conteo: dict[str, int] = {_CONTADO: 0}
        for columnas in (grupos, *otros):
            for codigo, n in zip(columnas["_m"], columnas["_n"], strict=True):
                motivo = _CONTADO if codigo == 0 else pares[codigo - 1][1]
                conteo[motivo] = conteo.get(motivo, 0) + int(n)
        self._anotar(tabla, conteo, extra or {})
        cuentan = [posicion for posicion, codigo in enumerate(grupos["_m"]) if codigo == 0]
        return {nombre: [valores[i] for i in cuentan] for nombre, valores in grupos.items()}

    def _anotar(self, tabla: str, conteo: dict[str, int], extra: Mapping[str, int]) -> None:
        contadas = conteo.pop(_CONTADO, 0)
        for motivo, n in extra.items():
            conteo[motivo] = conteo.get(motivo, 0) + n
            contadas -= n
        self.registros[tabla] = contadas + sum(conteo.values())
        self.excluidos[tabla] = {m: n for m, n in sorted(conteo.items()) if n}

    @staticmethod
    def _mapa_regional(tabla: str, valores: Sequence[Any]) -> dict[Any, str]:
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

    def _regional(self, tabla: str, marco: Any) -> Any:
        """Normaliza la columna ``regional`` al código DANE en el motor (R1, R2). Lee antes los
        valores distintos de la columna (una consulta pequeña)."""
        mapa = self._mapa_regional(tabla, _columnas(marco.select("regional").unique())["regional"])
        if all(k == v for k, v in mapa.items()):
            return marco
        return marco.with_columns(
            nw.col("regional").replace_strict(
                list(mapa), list(mapa.values()), return_dtype=nw.String
            )
        )

    def _revisar_regional_de_gestor(
        self, tabla: str, grupos: Columnas, mapa: Mapping[Any, str]
    ) -> None:
        """Un registro con gestor no puede ser de otra regional que la del gestor (R17, R21)."""
        for id_gestor, valor in dict.fromkeys(
            zip(grupos["gestor"], grupos["regional"], strict=True)
        ):
            gestor = None if es_nulo(id_gestor) else self.gestores.get(id_gestor)
            codigo = mapa.get(valor)
            if gestor is not None and codigo is not None and gestor.regional.codigo != codigo:
                par = {"gestor": id_gestor, "regional": codigo}
                raise RegistroInconsistente(
                    f"{tabla}: un registro es de la regional {regional(codigo)} pero "
                    f"nombra al gestor {id_gestor!r}, de la regional {gestor.regional}",
                    (par,),
                )

    def _motivos_de_fecha(self, t: Tabla, columna: str = "fecha") -> list[tuple[nw.Expr, str]]:
        ctx, fh = self.ctx, t.fecha_hora[columna]
        return [
            (~hasta(columna, fh, ctx.fin), Motivo.POSTERIOR_AL_CORTE),
            (~desde(columna, fh, ctx.inicio_anio), Motivo.FUERA_DE_VIGENCIA),
        ]

    @staticmethod
    def _parcial(calculo: Calculo, id_gestor: str, codigo: str) -> Parcial:
        return calculo.regional(codigo) if id_gestor == _SIN_GESTOR else calculo.gestor(id_gestor)

    # -- asignaciones y cartera (R14) -------------------------------------------------------

    def cartera(self, nativo: Any) -> tuple[Any, Paso[None]]:
        """La consulta de las asignaciones válidas (nit, gestor): una fila por empresa, de un
        gestor conocido; y el paso que cuenta las excluidas (repetidas, de un gestor
        desconocido) y revisa que ninguna empresa tenga dos gestores."""
        marco = preparar("asignaciones", nativo).marco
        pares = marco.filter(~nw.col("_nula")).select("nit", "gestor").unique()
        cartera = pares.filter(self._conocido())
        consultas = (
            marco.select(
                nw.len().alias("total"), nw.col("_nula").cast(nw.Int64).sum().alias("nulas")
            ),
            pares.select(
                nw.len().alias("pares"), self._conocido().cast(nw.Int64).sum().alias("buenos")
            ),
            pares.group_by("nit").agg(nw.len().alias("n")).filter(nw.col("n") > 1).head(1),
        )

        def interpretar(resumen: Any, distintos: Any, dobles: Any) -> None:
            if len(dobles):
                raise RegistroInconsistente(
                    f"asignaciones: la empresa {_columnas(dobles)['nit'][0]} está asignada a dos "
                    "gestores"
                )
            fila, par = _columnas(resumen), _columnas(distintos)
            total, nulas = int(fila["total"][0]), int(fila["nulas"][0] or 0)
            n_pares, buenos = int(par["pares"][0]), int(par["buenos"][0] or 0)
            extra = {
                Motivo.ASIGNACION_REPETIDA: total - nulas - n_pares,
                Motivo.GESTOR_DESCONOCIDO: n_pares - buenos,
            }
            self._anotar("asignaciones", {_CONTADO: total - nulas, MOTIVO_NULO: nulas}, extra)

        return cartera, Paso(consultas, interpretar)

    # -- indicadores ------------------------------------------------------------------------

    def ec(self, nativo: Any, cartera: Any) -> tuple[Paso[Calculo], Any]:
        """EC (R14): empresas de la cartera contactadas en el trimestre / asignadas. Da también
        la consulta de las parejas (gestor, nit) de la cartera contactadas, que usa EP."""
        denominadores = _por_gestor(cartera)
        if nativo is None:
            return Paso((denominadores,), self._ec), cartera.head(0)
        ctx = self.ctx
        t = preparar("contactos", nativo)
        fh = t.fecha_hora["fecha"]
        pares = [
            (nw.col("_nula"), MOTIVO_NULO),
            (~self._conocido(), Motivo.GESTOR_DESCONOCIDO),
            *self._motivos_de_fecha(t),
        ]
        marco = t.marco.select("gestor", "nit", "fecha", "_nula").with_columns(_codigo(pares))
        trimestre = desde("fecha", fh, ctx.inicio_trimestre)
        validos = marco.filter(nw.col("_m") == 0)
        # Antes del trimestre solo cuentan los contactos a la propia cartera (R15); los demás
        # se excluyen. En el trimestre, los de fuera de cartera cuentan en el detalle (R14).
        # Las parejas de la cartera con algún contacto en el trimestre: ya son distintas.
        contactadas = cartera.join(
            validos.filter(trimestre).select("gestor", "nit"), on=["gestor", "nit"], how="semi"
        )
        consultas = (
            denominadores,
            _por_gestor(contactadas),
            marco.group_by("_m").agg(nw.len().alias("_n")),
            validos.filter(~trimestre)
            .select("gestor", "nit")
            .join(cartera, on=["gestor", "nit"], how="anti")
            .select(nw.len().alias("n")),
        )

        def interpretar(denominadores: Any, numeradores: Any, grupos: Any, fuera: Any) -> Calculo:
            extra = {Motivo.FUERA_DEL_TRIMESTRE: int(_columnas(fuera)["n"][0])}
            self._repartir("contactos", pares, _columnas(grupos), extra=extra)
            calculo = self._ec(denominadores)
            c = _columnas(numeradores)
            for id_gestor, n in zip(c["gestor"], c["n"], strict=True):
                calculo.gestor(id_gestor).numerador = int(n)
            return calculo

        return Paso(consultas, interpretar), contactadas

    @staticmethod
    def _ec(denominadores: Any) -> Calculo:
        calculo = Calculo()
        c = _columnas(denominadores)
        for id_gestor, n in zip(c["gestor"], c["n"], strict=True):
            calculo.gestor(id_gestor).denominador = int(n)
        return calculo

    def ep(self, nativo: Any, cartera: Any, contactadas: Any) -> Paso[Calculo]:
        """EP (R16): pares distintos (empresa, servicio) de las empresas contactadas. El
        denominador (las empresas contactadas, el numerador de EC) lo pone `informe_tabular`."""
        ctx = self.ctx
        t = preparar("servicios", nativo)
        fh = t.fecha_hora["fecha"]
        pares = [
            (nw.col("_nula"), MOTIVO_NULO),
            *self._motivos_de_fecha(t),
            (~desde("fecha", fh, ctx.inicio_trimestre), Motivo.FUERA_DEL_TRIMESTRE_EP),
            (nw.col("gestor").is_null(), Motivo.EMPRESA_NO_ASIGNADA),
            (nw.col("_contactada").is_null(), Motivo.EMPRESA_NO_CONTACTADA),
        ]
        previos = 4  # los motivos que se saben antes de cruzar con la cartera
        marco = t.marco.select("nit", "fecha", "servicio", "_nula").with_columns(
            _codigo(pares[:previos])
        )
        # Solo las filas del trimestre se cruzan con la cartera y las empresas contactadas; los
        # pares distintos (empresa, servicio) se cuentan con una clave de texto.
        cruzadas = (
            marco.filter(nw.col("_m") == 0)
            .join(cartera, on="nit", how="left")
            .join(
                contactadas.with_columns(_contactada=nw.lit(value=True)),
                on=["gestor", "nit"],
                how="left",
            )
            .with_columns(
                _codigo(pares, desde=previos),
                _par=nw.concat_str([nw.col("nit"), self._servicio(t.marco)], separator="\x1f"),
            )
        )
        consultas = (
            # Las filas que no se cruzan (las que se cruzan se cuentan en `cruzadas`).
            marco.filter(nw.col("_m") != 0).group_by("_m").agg(nw.len().alias("_n")),
            cruzadas.group_by("gestor", "_m").agg(
                nw.len().alias("_n"), nw.col("_par").n_unique().alias("distintos")
            ),
        )

        def interpretar(previas: Any, grupos: Any) -> Calculo:
            cruzadas = _columnas(grupos)
            repetidos = sum(
                int(n) - int(d)
                for codigo, n, d in zip(
                    cruzadas["_m"], cruzadas["_n"], cruzadas["distintos"], strict=True
                )
                if codigo == 0
            )
            extra = {Motivo.SERVICIO_REPETIDO: repetidos}
            usados = self._repartir("servicios", pares, cruzadas, _columnas(previas), extra=extra)
            calculo = Calculo()
            for id_gestor, distintos in zip(usados["gestor"], usados["distintos"], strict=True):
                calculo.gestor(id_gestor).numerador = int(distintos)
            return calculo

        return Paso(consultas, interpretar)

    @staticmethod
    def _servicio(marco: Any) -> nw.Expr:
        """La columna ``servicio`` con un solo nombre por servicio (R33): los nombres que solo
        difieren en mayúsculas, tildes o espacios pasan a uno de ellos. Lee antes los nombres
        distintos (una consulta pequeña); si ninguno tiene variantes, la columna queda igual."""
        grupos: dict[str, list[str]] = {}
        for nombre in _columnas(marco.select("servicio").unique())["servicio"]:
            if not es_nulo(nombre):
                grupos.setdefault(clave_servicio(nombre), []).append(nombre)
        variantes = {n: min(g) for g in grupos.values() if len(g) > 1 for n in g}
        if not variantes:
            return nw.col("servicio")
        return nw.col("servicio").replace_strict(
            list(variantes), list(variantes.values()), default=nw.col("servicio")
        )

    def eg(self, nativo: Any) -> Paso[Calculo]:
        """EG (R17): solicitudes recibidas en el mes y las gestionadas hasta el corte."""
        ctx = self.ctx
        t = preparar("solicitudes", nativo)
        fh = t.fecha_hora["fecha"]
        pares = [
            (nw.col("_nula"), MOTIVO_NULO),
            (~nw.col("gestor").is_null() & ~self._conocido(), Motivo.GESTOR_DESCONOCIDO),
            *self._motivos_de_fecha(t),
            (~desde("fecha", fh, ctx.inicio_mes), Motivo.FUERA_DEL_MES),
        ]
        # R17, R23: una fila repetida (mismo id y mismo contenido) cuenta una vez; las demás
        # se excluyen como repetidas. El mismo id con otro contenido es inconsistente.
        unicas = t.marco.filter(~nw.col("_nula")).unique()
        filas = t.marco.select(
            nw.len().alias("total"), nw.col("_nula").cast(nw.Int64).sum().alias("nulas")
        )
        ids = unicas.group_by("id").agg(nw.len().alias("n")).filter(nw.col("n") > 1).select("id")
        consulta = _agrupar(
            unicas,
            ["gestor", "regional"],
            pares,
            gestionadas=_entero(
                ~nw.col("fecha_gestion").is_null()
                & hasta("fecha_gestion", t.fecha_hora["fecha_gestion"], ctx.fin)
            ),
            antes=_entero(nw.col("fecha_gestion") < nw.col("fecha")),
        )

        def interpretar(consulta: Any, filas: Any, unicas: Any, ids: Any) -> Calculo:
            if len(ids):
                raise RegistroInconsistente(
                    f"solicitudes: dos solicitudes con el mismo id {_columnas(ids)['id'][0]!r} y "
                    "distinto contenido"
                )
            grupos = _columnas(consulta)
            mapa = self._mapa_regional("solicitudes", grupos["regional"])
            self._revisar_regional_de_gestor("solicitudes", grupos, mapa)
            if any(grupos["antes"]):
                raise DatoInvalido(
                    "la fecha de gestión es anterior a la de recepción",
                    campo="solicitudes.fecha_gestion",
                )
            calculo = Calculo()
            fila = _columnas(filas)
            nulas = int(fila["nulas"][0] or 0)
            repetidas = int(fila["total"][0]) - nulas - int(_columnas(unicas)["n"][0])
            # Las filas nulas y las repetidas no están en `consulta` (solo las únicas): las
            # nulas van con su motivo (código 1) y las repetidas como contadas (código 0) que
            # `extra` pasa a su motivo.
            otras = {"_m": [1, 0], "_n": [nulas, repetidas]}
            c = self._repartir(
                "solicitudes", pares, grupos, otras, extra={Motivo.REPETIDO: repetidas}
            )
            for id_gestor, valor, n, gestionadas in zip(
                c["gestor"], c["regional"], c["_n"], c["gestionadas"], strict=True
            ):
                parcial = self._parcial(calculo, _clave(id_gestor), mapa[valor])
                parcial.denominador += int(n)
                parcial.numerador += int(gestionadas)
            return calculo

        consultas = (consulta, filas, unicas.select(nw.len().alias("n")), ids.head(1))
        return Paso(consultas, interpretar)

    def af(self, nativo: Any) -> Paso[Calculo]:
        """AF (R18): ambientes del mes por gestor."""
        t = preparar("ambientes", nativo)
        fh = t.fecha_hora["fecha"]
        pares = [
            (nw.col("_nula"), MOTIVO_NULO),
            (~self._conocido(), Motivo.GESTOR_DESCONOCIDO),
            *self._motivos_de_fecha(t),
        ]
        mes = (
            nw.when(desde("fecha", fh, self.ctx.inicio_mes))
            .then(nw.col("cantidad"))
            .otherwise(nw.lit(0, dtype=nw.Int64))
        )

        def interpretar(consulta: Any) -> Calculo:
            calculo = Calculo()
            c = self._repartir("ambientes", pares, _columnas(consulta))
            for id_gestor, mes in zip(c["gestor"], c["mes"], strict=True):
                calculo.gestor(id_gestor).numerador = int(mes)
            return calculo

        return Paso((_agrupar(t.marco, ["gestor"], pares, mes=mes),), interpretar)

    def cv(self, nativo: Any, cartera: Any) -> Paso[Calculo]:
        """CV (R19): voluntarios del año por empresa, a su gestor o a su regional."""
        t = preparar("contratos", nativo)
        pares = [(nw.col("_nula"), MOTIVO_NULO), *self._motivos_de_fecha(t)]
        marco = self._regional(
            "contratos",
            t.marco.select("nit", "regional", "fecha", "obligada", "cuota_regulada", "_nula"),
        ).with_columns(_codigo(pares))
        empresas = (
            marco.filter(~nw.col("_nula"))
            .with_columns(_anio=_entero(nw.col("_m") == 0), _obligada=_entero(nw.col("obligada")))
            .group_by("nit")
            .agg(
                nw.col("regional").n_unique().alias("_n_regional"),
                nw.col("_obligada").n_unique().alias("_n_obligada"),
                nw.col("cuota_regulada").n_unique().alias("_n_cuota"),
                nw.col("regional").max(),
                nw.col("_obligada").max(),
                nw.col("cuota_regulada").max(),
                nw.col("_anio").sum(),
            )
        )

        def voluntarios(n: str) -> nw.Expr:
            exceso = nw.col(n) - nw.col("cuota_regulada")
            return (
                nw.when((nw.col("_obligada") == 1) & (exceso < 0))
                .then(nw.lit(0, dtype=nw.Int64))
                .otherwise(nw.when(nw.col("_obligada") == 1).then(exceso).otherwise(nw.col(n)))
            )

        consultas = (
            marco.group_by("_m").agg(nw.len().alias("_n")),
            empresas.filter(
                (nw.col("_n_regional") > 1) | (nw.col("_n_obligada") > 1) | (nw.col("_n_cuota") > 1)
            )
            .select("nit")
            .head(1),
            empresas.join(cartera.rename({"gestor": "_gestor"}), on="nit", how="left")
            .with_columns(
                _g=nw.col("_gestor").fill_null(_SIN_GESTOR),
                _vol=voluntarios("_anio"),
            )
            .group_by("_g", "regional")
            .agg(nw.col("_vol").sum()),
        )

        def interpretar(conteo: Any, malas: Any, grupos: Any) -> Calculo:
            self._repartir("contratos", pares, _columnas(conteo))
            if len(malas):
                raise RegistroInconsistente(
                    f"contratos: los contratos de la empresa {_columnas(malas)['nit'][0]} no "
                    "coinciden en regional, obligación o cuota regulada"
                )
            calculo = Calculo()
            c = _columnas(grupos)
            for id_gestor, codigo, voluntarios in zip(
                c["_g"], c["regional"], c["_vol"], strict=True
            ):
                if id_gestor != _SIN_GESTOR:
                    propia = self.gestores[id_gestor].regional
                    if propia.codigo != codigo:
                        raise RegistroInconsistente(
                            f"contratos: una empresa tiene contratos en la regional "
                            f"{regional(codigo)} pero está asignada al gestor "
                            f"{id_gestor!r}, de la regional {propia}"
                        )
                self._parcial(calculo, id_gestor, codigo).numerador += int(voluntarios)
            return calculo

        return Paso(consultas, interpretar)

    def em(self, nativo: Any, cartera: Any) -> Paso[Calculo]:
        """EM (R20): empresas asignadas con cuota y las que la monetizan."""
        t = preparar("cuotas", nativo)
        marco = t.marco.select("nit", "cuota_regulada", "monetiza", "gestor", "_nula")
        pares = [
            (nw.col("_nula"), MOTIVO_NULO),
            (nw.col("_gestor").is_null(), Motivo.EMPRESA_NO_ASIGNADA),
            (nw.col("cuota_regulada") == 0, Motivo.SIN_CUOTA),
        ]
        no_nulas = marco.filter(~nw.col("_nula"))
        consultas = (
            no_nulas.select(nw.len().alias("n"), nw.col("nit").n_unique().alias("nits")),
            _agrupar(
                marco.join(cartera.rename({"gestor": "_gestor"}), on="nit", how="left"),
                ["_gestor"],
                pares,
                monetizan=_entero(nw.col("monetiza")),
                sin_cuota=_entero(nw.col("monetiza") & (nw.col("cuota_regulada") == 0)),
                otro_gestor=_entero(
                    ~nw.col("gestor").is_null()
                    & ~nw.col("_gestor").is_null()
                    & (nw.col("gestor") != nw.col("_gestor"))
                ),
            ),
        )

        def interpretar(resumen: Any, consulta: Any) -> Calculo:
            fila = _columnas(resumen)
            if int(fila["n"][0]) != int(fila["nits"][0] or 0):
                dobles = _columnas(
                    no_nulas.group_by("nit")
                    .agg(nw.len().alias("n"))
                    .filter(nw.col("n") > 1)
                    .head(1)
                )
                raise RegistroInconsistente(
                    f"cuotas: la empresa {dobles['nit'][0]} tiene dos registros de cuota"
                )
            grupos = _columnas(consulta)
            if any(grupos["sin_cuota"]):
                raise DatoInvalido(
                    "una empresa sin cuota regulada no puede monetizarla (R20)",
                    campo="cuotas.monetiza",
                )
            if any(grupos["otro_gestor"]):
                raise RegistroInconsistente(
                    "cuotas: un registro de cuota nombra a un gestor distinto del asignado (R20)"
                )
            calculo = Calculo()
            c = self._repartir("cuotas", pares, grupos)
            for id_gestor, n, monetizan in zip(c["_gestor"], c["_n"], c["monetizan"], strict=True):
                parcial = calculo.gestor(id_gestor)
                parcial.denominador = int(n)
                parcial.numerador = int(monetizan)
            return calculo

        return Paso(consultas, interpretar)

    def pe(self, nativo: Any) -> Paso[Calculo]:
        """PE (R21): eventos del mes, por gestor o por regional."""
        t = preparar("eventos", nativo)
        fh = t.fecha_hora["fecha"]
        pares = [
            (nw.col("_nula"), MOTIVO_NULO),
            (~nw.col("gestor").is_null() & ~self._conocido(), Motivo.GESTOR_DESCONOCIDO),
            *self._motivos_de_fecha(t),
        ]
        consulta = _agrupar(
            t.marco,
            ["gestor", "regional"],
            pares,
            mes=_entero(desde("fecha", fh, self.ctx.inicio_mes)),
        )

        def interpretar(consulta: Any) -> Calculo:
            grupos = _columnas(consulta)
            mapa = self._mapa_regional("eventos", grupos["regional"])
            self._revisar_regional_de_gestor("eventos", grupos, mapa)
            calculo = Calculo()
            c = self._repartir("eventos", pares, grupos)
            for id_gestor, valor, mes in zip(c["gestor"], c["regional"], c["mes"], strict=True):
                self._parcial(calculo, _clave(id_gestor), mapa[valor]).numerador += int(mes)
            return calculo

        return Paso((consulta,), interpretar)

    def sismeg(self, nativo: Any) -> Paso[Calculo]:
        """SISMEG (R13): formados y empleos del año por gestor."""
        t = preparar("logros", nativo)
        pares = [
            (nw.col("_nula"), MOTIVO_NULO),
            (~self._conocido(), Motivo.GESTOR_DESCONOCIDO),
            *self._motivos_de_fecha(t),
        ]
        consulta = _agrupar(
            t.marco, ["gestor"], pares, formados=nw.col("formados"), empleos=nw.col("empleos")
        )

        def interpretar(consulta: Any) -> Calculo:
            calculo = Calculo()
            c = self._repartir("logros", pares, _columnas(consulta))
            for id_gestor, formados, empleos in zip(
                c["gestor"], c["formados"], c["empleos"], strict=True
            ):
                parcial = calculo.gestor(id_gestor)
                parcial.numerador = int(formados)
                parcial.cuentas["empleos"] = int(empleos)
            return calculo

        return Paso((consulta,), interpretar)
