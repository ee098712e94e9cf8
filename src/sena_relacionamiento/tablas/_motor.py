"""El cálculo pesado sobre marcos de datos, escrito una vez con narwhals (uso interno).

Cada indicador agrega sus registros en el motor del marco (polars, pandas, pyarrow, DuckDB…)
hasta una tabla pequeña (una fila por gestor, o por regional para lo que no es de ningún
gestor) de enteros: numeradores, denominadores y conteos. Esa tabla pequeña se recoge en Python
y se convierte en los mismos `Parcial` y `Calculo` que usa `informe()`, de modo que la
consolidación (R22), el estado y el semáforo (R24–R25) son exactamente los del núcleo.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Final

import attrs
import narwhals.stable.v2 as nw

from sena_relacionamiento.datos import Motivo
from sena_relacionamiento.errores import DatoInvalido, RegistroInconsistente
from sena_relacionamiento.indicadores._base import Calculo, Contexto, Parcial
from sena_relacionamiento.indicadores.resultado import Indicador
from sena_relacionamiento.regionales import regional
from sena_relacionamiento.registros import Gestor
from sena_relacionamiento.tablas._esquema import Tabla, desde, hasta, preparar

__all__ = ["MOTIVO_NULO", "Motor", "Recogida"]

MOTIVO_NULO: Final = "dato nulo en una columna obligatoria"
"""Motivo de exclusión (R23) de una fila con un nulo donde el registro no lo admite (una fecha
o un NIT nulos nunca cuentan como una empresa distinta)."""

_CONTADO: Final = ""  # la «razón» de una fila que sí cuenta
_SIN_GESTOR: Final = ""  # clave de gestor de lo que no es de ningún gestor


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


def _filas(marco: Any) -> list[dict[str, Any]]:
    filas: list[dict[str, Any]] = recoger(marco).rows(named=True)
    return filas


def _recoger_todos(*consultas: Any) -> list[Any]:
    """Recoge varias consultas perezosas (de una misma tabla): con polars en un solo
    `collect_all`, que las optimiza juntas; con los demás motores, una tras otra."""
    if all(c.implementation is nw.Implementation.POLARS for c in consultas):
        pl = nw.Implementation.POLARS.to_native_namespace()
        return [nw.from_native(r) for r in pl.collect_all([c.to_native() for c in consultas])]
    return [c.collect() for c in consultas]


@attrs.frozen
class Recogida:
    """Una tabla pequeña ya recogida (`marco`) y la consulta perezosa que la da (`consulta`)."""

    marco: Any  # nw.DataFrame
    consulta: Any  # nw.LazyFrame

    def perezosa(self) -> Any:
        """La tabla para cruzarla con otras del mismo motor: la ya recogida, de nuevo perezosa
        (polars, pandas, pyarrow), o la consulta si el motor no admite traerla de vuelta a la
        misma conexión (DuckDB: se recoge como pyarrow)."""
        if self.marco.implementation is self.consulta.implementation:
            return self.marco.lazy()
        return self.consulta

    def head(self, n: int) -> Recogida:
        return Recogida(self.marco.head(n), self.consulta.head(n))


def _codigo(pares: Sequence[tuple[nw.Expr, str]]) -> nw.Expr:
    """La columna ``_m``: el número (desde 1) de la primera condición verdadera, en orden, o 0
    si ninguna lo es (la fila cuenta)."""
    codigo = nw.lit(0, dtype=nw.Int64)
    for posicion in reversed(range(len(pares))):
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


class Motor:
    """Calcula los `Calculo` de los nueve indicadores sobre las tablas de un periodo.

    Cada tabla grande se recorre en una sola consulta (o un `collect_all` de polars) que da, por
    gestor (y regional) y motivo de exclusión (R23), el número de filas y las sumas que piden
    las cifras; el resto se hace en Python sobre esas tablas pequeñas.
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
        grupos: Any,
        pares: Sequence[tuple[nw.Expr, str]],
        extra: Mapping[str, int] | None = None,
    ) -> list[dict[str, Any]]:
        """Anota el conteo por motivo de los grupos de `_agrupar` (más los motivos `extra`,
        descontados de las filas que cuentan) y devuelve los grupos que cuentan."""
        conteo: dict[str, int] = {_CONTADO: 0}
        contados = []
        for fila in grupos if isinstance(grupos, list) else _filas(grupos):
            codigo = int(fila["_m"])
            motivo = _CONTADO if codigo == 0 else pares[codigo - 1][1]
            conteo[motivo] = conteo.get(motivo, 0) + int(fila["_n"])
            if codigo == 0:
                contados.append(fila)
        self._anotar(tabla, conteo, extra or {})
        return contados

    def _anotar(self, tabla: str, conteo: dict[str, int], extra: Mapping[str, int]) -> int:
        contadas = conteo.pop(_CONTADO, 0)
        for motivo, n in extra.items():
            conteo[motivo] = conteo.get(motivo, 0) + n
            contadas -= n
        self.registros[tabla] = contadas + sum(conteo.values())
        self.excluidos[tabla] = {m: n for m, n in sorted(conteo.items()) if n}
        return contadas

    @staticmethod
    def _mapa_regional(tabla: str, valores: Sequence[Any]) -> dict[Any, str]:
        """Cada valor de la columna ``regional`` con su código DANE (R1, R2), leído con
        `regional()`; los nulos quedan fuera."""
        mapa: dict[Any, str] = {}
        for valor in valores:
            if es_nulo(valor) or valor in mapa:
                continue
            try:
                mapa[valor] = regional(valor).codigo
            except DatoInvalido as error:
                raise error.con_origen(tabla, "regional") from None
        return mapa

    def _regional(self, tabla: str, marco: Any) -> Any:
        """Normaliza la columna ``regional`` al código DANE en el motor (R1, R2)."""
        mapa = self._mapa_regional(
            tabla, [f["regional"] for f in _filas(marco.select("regional").unique())]
        )
        if all(k == v for k, v in mapa.items()):
            return marco
        return marco.with_columns(
            nw.col("regional").replace_strict(
                list(mapa), list(mapa.values()), return_dtype=nw.String
            )
        )

    def _revisar_regional_de_gestor(
        self, tabla: str, grupos: Sequence[Mapping[str, Any]], mapa: Mapping[Any, str]
    ) -> None:
        """Un registro con gestor no puede ser de otra regional que la del gestor (R17, R21)."""
        for grupo in grupos:
            gestor = self.gestores.get(grupo["gestor"]) if not es_nulo(grupo["gestor"]) else None
            codigo = mapa.get(grupo["regional"])
            if gestor is not None and codigo is not None and gestor.regional.codigo != codigo:
                par = {"gestor": grupo["gestor"], "regional": codigo}
                raise RegistroInconsistente(
                    f"{tabla}: un registro es de la regional {regional(codigo)} pero "
                    f"nombra al gestor {par['gestor']!r}, de la regional {gestor.regional}",
                    (par,),
                )

    def _motivos_de_fecha(self, t: Tabla, columna: str = "fecha") -> list[tuple[nw.Expr, str]]:
        ctx, fh = self.ctx, t.fecha_hora[columna]
        return [
            (~hasta(columna, fh, ctx.fin), Motivo.POSTERIOR_AL_CORTE),
            (~desde(columna, fh, ctx.inicio_anio), Motivo.FUERA_DE_VIGENCIA),
        ]

    # -- asignaciones y cartera (R14) -------------------------------------------------------

    def cartera(self, nativo: Any) -> Recogida:
        """Las asignaciones válidas (nit, gestor), ya recogidas (una fila por empresa): la
        primera de cada empresa, de un gestor conocido. Las repetidas y las de un gestor
        desconocido quedan excluidas."""
        marco = preparar("asignaciones", nativo).marco
        consulta = marco.filter(~nw.col("_nula")).select("nit", "gestor").unique()
        resumen, pares = _recoger_todos(
            marco.select(
                nw.len().alias("total"), nw.col("_nula").cast(nw.Int64).sum().alias("nulas")
            ),
            consulta,
        )
        dobles = _filas(
            pares.group_by("nit").agg(nw.len().alias("n")).filter(nw.col("n") > 1).head(1)
        )
        if dobles:
            raise RegistroInconsistente(
                f"asignaciones: la empresa {dobles[0]['nit']} está asignada a dos gestores"
            )
        fila = _filas(resumen)[0]
        total, nulas = int(fila["total"]), int(fila["nulas"] or 0)
        buenos = pares.filter(self._conocido())
        extra = {
            Motivo.ASIGNACION_REPETIDA: total - nulas - len(pares),
            Motivo.GESTOR_DESCONOCIDO: len(pares) - len(buenos),
        }
        self._anotar("asignaciones", {_CONTADO: total - nulas, MOTIVO_NULO: nulas}, extra)
        return Recogida(buenos, consulta.filter(self._conocido()))

    # -- indicadores ------------------------------------------------------------------------

    def ec(self, nativo: Any, cartera: Recogida) -> tuple[Calculo, Recogida | None]:
        """EC (R14): empresas de la cartera contactadas en el trimestre / asignadas. Devuelve
        también las parejas (gestor, nit) contactadas, ya recogidas, que usa EP (`None` sin
        contactos)."""
        calculo = Calculo()
        for f in _filas(cartera.marco.group_by("gestor").agg(nw.len().alias("n"))):
            calculo.gestor(f["gestor"]).denominador = int(f["n"])
        if nativo is None:
            return calculo, None
        ctx = self.ctx
        t = preparar("contactos", nativo)
        fh = t.fecha_hora["fecha"]
        pares = [
            (nw.col("_nula"), MOTIVO_NULO),
            (~self._conocido(), Motivo.GESTOR_DESCONOCIDO),
            *self._motivos_de_fecha(t),
        ]
        marco = t.marco.select("gestor", "nit", "fecha", "_nula").with_columns(_codigo(pares))
        asignadas = cartera.perezosa()
        trimestre = desde("fecha", fh, ctx.inicio_trimestre)
        validos = marco.filter(nw.col("_m") == 0)
        # Antes del trimestre solo cuentan los contactos a la propia cartera (R15); los demás
        # se excluyen. En el trimestre, los de fuera de cartera cuentan en el detalle (R14).
        # Las parejas de la cartera con algún contacto en el trimestre: ya son distintas.
        consulta = asignadas.join(
            validos.filter(trimestre).select("gestor", "nit"), on=["gestor", "nit"], how="semi"
        )
        grupos, fuera, contactadas = _recoger_todos(
            marco.group_by("_m").agg(nw.len().alias("_n")),
            validos.filter(~trimestre)
            .select("gestor", "nit")
            .join(asignadas, on=["gestor", "nit"], how="anti")
            .select(nw.len().alias("n")),
            consulta,
        )
        extra = {Motivo.FUERA_DEL_TRIMESTRE: int(_filas(fuera)[0]["n"])}
        self._repartir("contactos", grupos, pares, extra)
        for f in _filas(contactadas.group_by("gestor").agg(nw.len().alias("n"))):
            calculo.gestor(f["gestor"]).numerador = int(f["n"])
        return calculo, Recogida(contactadas, consulta)

    def ep(
        self, nativo: Any, cartera: Recogida, contactadas: Recogida | None, ec: Calculo
    ) -> Calculo:
        """EP (R16): pares distintos (empresa, servicio) de las empresas contactadas."""
        calculo = Calculo()
        for id_gestor, parcial in ec.por_gestor.items():
            calculo.gestor(id_gestor).denominador = int(parcial.numerador)
        if nativo is None:
            return calculo
        ctx = self.ctx
        t = preparar("servicios", nativo)
        fh = t.fecha_hora["fecha"]
        if contactadas is None:  # sin contactos no hay empresas contactadas
            contactadas = cartera.head(0)
        pares = [
            (nw.col("_nula"), MOTIVO_NULO),
            *self._motivos_de_fecha(t),
            (~desde("fecha", fh, ctx.inicio_trimestre), Motivo.FUERA_DEL_TRIMESTRE_EP),
            (nw.col("gestor").is_null(), Motivo.EMPRESA_NO_ASIGNADA),
            (nw.col("_contactada").is_null(), Motivo.EMPRESA_NO_CONTACTADA),
        ]
        marco = t.marco.select("nit", "fecha", "servicio", "_nula").with_columns(_codigo(pares[:4]))
        # Solo las filas del trimestre se cruzan con la cartera y las empresas contactadas; los
        # pares distintos (empresa, servicio) se cuentan con una clave de texto.
        cruzadas = (
            marco.filter(nw.col("_m") == 0)
            .join(cartera.perezosa(), on="nit", how="left")
            .join(
                contactadas.perezosa().with_columns(_contactada=nw.lit(value=True)),
                on=["gestor", "nit"],
                how="left",
            )
            .with_columns(
                _codigo(pares),
                _par=nw.concat_str([nw.col("nit"), nw.col("servicio")], separator="\x1f"),
            )
        )
        previas, grupos = _recoger_todos(
            marco.group_by("_m").agg(nw.len().alias("_n")),
            cruzadas.group_by("gestor", "_m").agg(
                nw.len().alias("_n"), nw.col("_par").n_unique().alias("distintos")
            ),
        )
        filas = [f for f in _filas(previas) if int(f["_m"]) != 0] + _filas(grupos)
        usados = [f for f in filas if int(f["_m"]) == 0]
        repetidos = sum(int(f["_n"]) - int(f["distintos"]) for f in usados)
        self._repartir("servicios", filas, pares, {Motivo.SERVICIO_REPETIDO: repetidos})
        for f in usados:
            calculo.gestor(f["gestor"]).numerador = int(f["distintos"])
        return calculo

    def eg(self, nativo: Any) -> Calculo:
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
        consulta = _agrupar(
            t.marco,
            ["gestor", "regional"],
            pares,
            gestionadas=_entero(
                ~nw.col("fecha_gestion").is_null()
                & hasta("fecha_gestion", t.fecha_hora["fecha_gestion"], ctx.fin)
            ),
            antes=_entero(nw.col("fecha_gestion") < nw.col("fecha")),
        )
        grupos = _filas(consulta)
        mapa = self._mapa_regional("solicitudes", [f["regional"] for f in grupos])
        self._revisar_regional_de_gestor("solicitudes", grupos, mapa)
        if any(int(f["antes"] or 0) for f in grupos):
            raise DatoInvalido(
                "la fecha de gestión es anterior a la de recepción",
                campo="solicitudes.fecha_gestion",
            )
        calculo = Calculo()
        for f in self._repartir("solicitudes", grupos, pares):
            parcial = self._parcial(calculo, _clave(f["gestor"]), mapa[f["regional"]])
            parcial.denominador += int(f["_n"])
            parcial.numerador += int(f["gestionadas"])
        return calculo

    @staticmethod
    def _parcial(calculo: Calculo, id_gestor: str, codigo: str) -> Parcial:
        return calculo.regional(codigo) if id_gestor == _SIN_GESTOR else calculo.gestor(id_gestor)

    def af(self, nativo: Any) -> Calculo:
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
        consulta = _agrupar(t.marco, ["gestor"], pares, mes=mes)
        calculo = Calculo()
        for f in self._repartir("ambientes", consulta, pares):
            calculo.gestor(f["gestor"]).numerador = int(f["mes"])
        return calculo

    def cv(self, nativo: Any, cartera: Recogida) -> Calculo:
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

        asignadas = cartera.perezosa().rename({"gestor": "_gestor"})
        conteo, malas, grupos = _recoger_todos(
            marco.group_by("_m").agg(nw.len().alias("_n")),
            empresas.filter(
                (nw.col("_n_regional") > 1) | (nw.col("_n_obligada") > 1) | (nw.col("_n_cuota") > 1)
            )
            .select("nit")
            .head(1),
            empresas.join(asignadas, on="nit", how="left")
            .with_columns(
                _g=nw.col("_gestor").fill_null(_SIN_GESTOR),
                _vol=voluntarios("_anio"),
            )
            .group_by("_g", "regional")
            .agg(nw.col("_vol").sum()),
        )
        self._repartir("contratos", conteo, pares)
        if len(malas):
            raise RegistroInconsistente(
                f"contratos: los contratos de la empresa {_filas(malas)[0]['nit']} no coinciden "
                "en regional, obligación o cuota regulada"
            )
        calculo = Calculo()
        for f in _filas(grupos):
            if f["_g"] != _SIN_GESTOR:
                propia = self.gestores[f["_g"]].regional
                if propia.codigo != f["regional"]:
                    raise RegistroInconsistente(
                        f"contratos: una empresa tiene contratos en la regional "
                        f"{regional(f['regional'])} pero está asignada al gestor {f['_g']!r}, "
                        f"de la regional {propia}"
                    )
            self._parcial(calculo, f["_g"], f["regional"]).numerador += int(f["_vol"])
        return calculo

    def em(self, nativo: Any, cartera: Recogida) -> Calculo:
        """EM (R20): empresas asignadas con cuota y las que la monetizan."""
        t = preparar("cuotas", nativo)
        marco = t.marco.select("nit", "cuota_regulada", "monetiza", "gestor", "_nula")
        pares = [
            (nw.col("_nula"), MOTIVO_NULO),
            (nw.col("_gestor").is_null(), Motivo.EMPRESA_NO_ASIGNADA),
            (nw.col("cuota_regulada") == 0, Motivo.SIN_CUOTA),
        ]
        no_nulas = marco.filter(~nw.col("_nula"))
        resumen, consulta = _recoger_todos(
            no_nulas.select(nw.len().alias("n"), nw.col("nit").n_unique().alias("nits")),
            _agrupar(
                marco.join(cartera.perezosa().rename({"gestor": "_gestor"}), on="nit", how="left"),
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
        fila = _filas(resumen)[0]
        if int(fila["n"]) != int(fila["nits"] or 0):
            dobles = _filas(
                no_nulas.group_by("nit").agg(nw.len().alias("n")).filter(nw.col("n") > 1).head(1)
            )
            raise RegistroInconsistente(
                f"cuotas: la empresa {dobles[0]['nit']} tiene dos registros de cuota"
            )
        grupos = _filas(consulta)
        if any(int(f["sin_cuota"] or 0) for f in grupos):
            raise DatoInvalido(
                "una empresa sin cuota regulada no puede monetizarla (R20)",
                campo="cuotas.monetiza",
            )
        if any(int(f["otro_gestor"] or 0) for f in grupos):
            raise RegistroInconsistente(
                "cuotas: un registro de cuota nombra a un gestor distinto del asignado (R20)"
            )
        calculo = Calculo()
        for f in self._repartir("cuotas", grupos, pares):
            parcial = calculo.gestor(f["_gestor"])
            parcial.denominador = int(f["_n"])
            parcial.numerador = int(f["monetizan"])
        return calculo

    def pe(self, nativo: Any) -> Calculo:
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
        grupos = _filas(consulta)
        mapa = self._mapa_regional("eventos", [f["regional"] for f in grupos])
        self._revisar_regional_de_gestor("eventos", grupos, mapa)
        calculo = Calculo()
        for f in self._repartir("eventos", grupos, pares):
            codigo = mapa[f["regional"]]
            self._parcial(calculo, _clave(f["gestor"]), codigo).numerador += int(f["mes"])
        return calculo

    def sismeg(self, nativo: Any) -> Calculo:
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
        calculo = Calculo()
        for f in self._repartir("logros", consulta, pares):
            parcial = calculo.gestor(f["gestor"])
            parcial.numerador = int(f["formados"])
            parcial.cuentas["empleos"] = int(f["empleos"])
        return calculo


INDICADORES_DE_TABLA: Final[Mapping[str, tuple[Indicador, ...]]] = {
    "logros": (Indicador.SISMEG_FORMADOS, Indicador.SISMEG_EMPLEOS),
    "contactos": (Indicador.EC,),
    "servicios": (Indicador.EP,),
    "solicitudes": (Indicador.EG,),
    "ambientes": (Indicador.AF,),
    "contratos": (Indicador.CV,),
    "cuotas": (Indicador.EM,),
    "eventos": (Indicador.PE,),
}
