"""El cálculo pesado sobre marcos de datos, escrito una vez con narwhals (uso interno).

Cada indicador agrega sus registros en el motor del marco (polars, pandas, pyarrow, DuckDB…)
hasta una tabla pequeña (una fila por gestor, o por regional para lo que no es de ningún
gestor) de enteros: numeradores, denominadores y conteos. Esa tabla pequeña se recoge en Python
y se convierte en los mismos `Parcial` y `Calculo` que usa `informe()`, de modo que la
consolidación (R22), el estado y el semáforo (R24–R25) son exactamente los del núcleo.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

import narwhals.stable.v2 as nw

from sena_relacionamiento.datos import Motivo
from sena_relacionamiento.errores import DatoInvalido, RegistroInconsistente
from sena_relacionamiento.indicadores._base import Calculo, Contexto, Parcial
from sena_relacionamiento.indicadores.resultado import Indicador
from sena_relacionamiento.regionales import regional
from sena_relacionamiento.registros import Gestor
from sena_relacionamiento.tablas._esquema import Tabla, desde, hasta, preparar

__all__ = ["MOTIVO_NULO", "Motor"]

MOTIVO_NULO: Final = "dato nulo en una columna obligatoria"
"""Motivo de exclusión (R23) de una fila con un nulo donde el registro no lo admite (una fecha
o un NIT nulos nunca cuentan como una empresa distinta)."""

_CONTADO: Final = ""  # la «razón» de una fila que sí cuenta
_SIN_GESTOR: Final = ""  # clave de gestor de lo que no es de ningún gestor


def recoger(marco: Any) -> Any:
    """El marco como `nw.DataFrame` (recoge un `LazyFrame`: solo se usa con tablas pequeñas)."""
    return marco.collect() if isinstance(marco, nw.LazyFrame) else marco


def _filas(marco: Any) -> list[dict[str, Any]]:
    datos: dict[str, list[Any]] = recoger(marco).to_dict(as_series=False)
    columnas = list(datos)
    return [
        dict(zip(columnas, valores, strict=True)) for valores in zip(*datos.values(), strict=True)
    ]


def _n(marco: Any) -> int:
    """El número de filas de un marco (ansioso o perezoso)."""
    return int(_filas(marco.select(nw.len().alias("n")))[0]["n"])


def _clasificar(marco: Any, pares: Sequence[tuple[nw.Expr, str]]) -> tuple[Any, dict[str, int]]:
    """Cuenta las filas de cada motivo de exclusión (R23): el de la primera condición
    verdadera, en orden, en una sola pasada de sumas. Devuelve el marco con la columna
    booleana ``_cuenta`` (ninguna condición: la fila cuenta) y el conteo por motivo, con las
    que cuentan bajo ``""``."""
    sumas = [nw.len().alias("_total")]
    previo: nw.Expr | None = None
    for posicion, (condicion, _) in enumerate(pares):
        propia = condicion if previo is None else condicion & ~previo
        sumas.append(propia.cast(nw.Int64).sum().alias(f"_m{posicion}"))
        previo = condicion if previo is None else previo | condicion
    fila = _filas(marco.select(*sumas))[0]
    conteo: dict[str, int] = {}
    for posicion, (_, motivo) in enumerate(pares):
        conteo[motivo] = conteo.get(motivo, 0) + int(fila[f"_m{posicion}"] or 0)
    conteo[_CONTADO] = int(fila["_total"]) - sum(conteo.values())
    cuenta = nw.lit(value=True) if previo is None else ~previo
    return marco.with_columns(_cuenta=cuenta), conteo


def _entero(condicion: nw.Expr) -> nw.Expr:
    return nw.when(condicion).then(nw.lit(1, dtype=nw.Int64)).otherwise(nw.lit(0, dtype=nw.Int64))


class Motor:
    """Calcula los `Calculo` de los nueve indicadores sobre las tablas de un periodo."""

    def __init__(self, ctx: Contexto, gestores: Sequence[Gestor]) -> None:
        self.ctx = ctx
        self.gestores = {g.id: g for g in gestores}
        self.ids = sorted(self.gestores)
        self.registros: dict[str, int] = {}
        self.excluidos: dict[str, dict[str, int]] = {}

    # -- utilidades ------------------------------------------------------------------------

    def _conocido(self, columna: str = "gestor") -> nw.Expr:
        return nw.col(columna).is_in(self.ids)

    def _contar(self, tabla: str, marco: Any, pares: Sequence[tuple[nw.Expr, str]]) -> Any:
        """Clasifica las filas de `tabla` (`_clasificar`), anota el conteo y devuelve el marco
        con la columna ``_cuenta``."""
        marco, conteo = _clasificar(marco, pares)
        self._anotar(tabla, conteo, {})
        return marco

    def _anotar(self, tabla: str, conteo: dict[str, int], extra: Mapping[str, int]) -> int:
        contadas = conteo.pop(_CONTADO, 0)
        for motivo, n in extra.items():
            conteo[motivo] = conteo.get(motivo, 0) + n
            contadas -= n
        self.registros[tabla] = contadas + sum(conteo.values())
        self.excluidos[tabla] = {m: n for m, n in sorted(conteo.items()) if n}
        return contadas

    def _regional(self, tabla: str, marco: Any) -> Any:
        """Normaliza la columna ``regional`` al código DANE (R1, R2): los valores distintos se
        leen con `regional()` en Python y se reemplazan en el motor."""
        valores = [
            f["regional"]
            for f in _filas(marco.select("regional").unique())
            if f["regional"] is not None
        ]
        mapa: dict[str, str] = {}
        for valor in valores:
            try:
                mapa[valor] = regional(valor).codigo
            except DatoInvalido as error:
                raise error.con_origen(tabla, "regional") from None
        if all(k == v for k, v in mapa.items()):
            return marco
        return marco.with_columns(
            nw.col("regional").replace_strict(
                list(mapa), list(mapa.values()), return_dtype=nw.String
            )
        )

    def _motivos_de_fecha(self, t: Tabla, columna: str = "fecha") -> list[tuple[nw.Expr, str]]:
        ctx, fh = self.ctx, t.fecha_hora[columna]
        return [
            (~hasta(columna, fh, ctx.fin), Motivo.POSTERIOR_AL_CORTE),
            (~desde(columna, fh, ctx.inicio_anio), Motivo.FUERA_DE_VIGENCIA),
        ]

    def _revisar_regional_de_gestor(self, tabla: str, marco: Any) -> None:
        """Un registro con gestor no puede ser de otra regional que la del gestor (R17, R21)."""
        pares = _filas(marco.filter(self._conocido()).select("gestor", "regional").unique())
        for par in pares:
            propia = self.gestores[par["gestor"]].regional
            if par["regional"] is not None and propia.codigo != par["regional"]:
                raise RegistroInconsistente(
                    f"{tabla}: un registro es de la regional {regional(par['regional'])} pero "
                    f"nombra al gestor {par['gestor']!r}, de la regional {propia}",
                    (par,),
                )

    # -- asignaciones y cartera (R14) -------------------------------------------------------

    def cartera(self, nativo: Any) -> Any:
        """Las asignaciones válidas (nit, gestor): la primera de cada empresa, de un gestor
        conocido. Las repetidas y las de un gestor desconocido quedan excluidas."""
        t = preparar("asignaciones", nativo)
        marco = t.marco
        pares = marco.filter(~nw.col("_nula")).select("nit", "gestor").unique()
        dobles = _filas(
            pares.group_by("nit").agg(nw.len().alias("n")).filter(nw.col("n") > 1).head(1)
        )
        if dobles:
            raise RegistroInconsistente(
                f"asignaciones: la empresa {dobles[0]['nit']} está asignada a dos gestores"
            )
        pares = pares.with_columns(_conocido=self._conocido())
        resumen = _filas(
            pares.select(
                nw.len().alias("pares"), nw.col("_conocido").cast(nw.Int64).sum().alias("buenos")
            )
        )[0]
        n_pares, n_buenos = int(resumen["pares"]), int(resumen["buenos"] or 0)
        total = int(_filas(marco.select(nw.len().alias("n")))[0]["n"])
        nulas = total - int(
            _filas(marco.filter(~nw.col("_nula")).select(nw.len().alias("n")))[0]["n"]
        )
        extra = {
            Motivo.ASIGNACION_REPETIDA: total - nulas - n_pares,
            Motivo.GESTOR_DESCONOCIDO: n_pares - n_buenos,
        }
        self._anotar("asignaciones", {_CONTADO: total - nulas, MOTIVO_NULO: nulas}, extra)
        return pares.filter(nw.col("_conocido")).select("nit", "gestor")

    # -- indicadores ------------------------------------------------------------------------

    def ec(self, nativo: Any, cartera: Any) -> tuple[Calculo, Any]:
        """EC (R14): empresas de la cartera contactadas en el trimestre / asignadas. Devuelve
        también las parejas (gestor, nit) contactadas, que usa EP (`None` sin contactos)."""
        calculo = Calculo()
        for f in _filas(cartera.group_by("gestor").agg(nw.len().alias("n"))):
            calculo.gestor(f["gestor"]).denominador = int(f["n"])
        if nativo is None:
            return calculo, None
        ctx = self.ctx
        t = preparar("contactos", nativo)
        fh = t.fecha_hora["fecha"]
        marco, conteo = _clasificar(
            t.marco.select("gestor", "nit", "fecha", "_nula"),
            [
                (nw.col("_nula"), MOTIVO_NULO),
                (~self._conocido(), Motivo.GESTOR_DESCONOCIDO),
                *self._motivos_de_fecha(t),
            ],
        )
        trimestre = desde("fecha", fh, ctx.inicio_trimestre)
        contactadas = (
            marco.filter(nw.col("_cuenta") & trimestre)
            .select("gestor", "nit")
            .unique()
            .join(cartera, on=["gestor", "nit"], how="semi")
        )
        # Antes del trimestre solo cuentan los contactos a la propia cartera (R15); los demás
        # se excluyen. En el trimestre, los de fuera de cartera cuentan en el detalle (R14).
        previos = marco.filter(nw.col("_cuenta") & ~trimestre).select("gestor", "nit")
        fuera = _n(previos) - _n(previos.join(cartera, on=["gestor", "nit"], how="semi"))
        self._anotar("contactos", conteo, {Motivo.FUERA_DEL_TRIMESTRE: fuera})
        for f in _filas(contactadas.group_by("gestor").agg(nw.len().alias("n"))):
            calculo.gestor(f["gestor"]).numerador = int(f["n"])
        return calculo, contactadas

    def ep(self, nativo: Any, cartera: Any, contactadas: Any, ec: Calculo) -> Calculo:
        """EP (R16): pares distintos (empresa, servicio) de las empresas contactadas."""
        calculo = Calculo()
        for id_gestor, parcial in ec.por_gestor.items():
            calculo.gestor(id_gestor).denominador = int(parcial.numerador)
        if nativo is None:
            return calculo
        ctx = self.ctx
        t = preparar("servicios", nativo)
        fh = t.fecha_hora["fecha"]
        marco, conteo = _clasificar(
            t.marco.select("nit", "fecha", "servicio", "_nula"),
            [
                (nw.col("_nula"), MOTIVO_NULO),
                *self._motivos_de_fecha(t),
                (~desde("fecha", fh, ctx.inicio_trimestre), Motivo.FUERA_DEL_TRIMESTRE_EP),
            ],
        )
        if contactadas is None:  # sin contactos no hay empresas contactadas
            contactadas = cartera.head(0)
        en_trimestre = marco.filter(nw.col("_cuenta")).select("nit", "servicio")
        asignadas = en_trimestre.join(cartera, on="nit", how="inner")
        de_contactadas = asignadas.join(contactadas, on=["gestor", "nit"], how="semi")
        usados = de_contactadas.unique()
        por_gestor = _filas(usados.group_by("gestor").agg(nw.len().alias("n")))
        n_trimestre, n_asignadas = _n(en_trimestre), _n(asignadas)
        n_contactadas = _n(de_contactadas)
        extra = {
            Motivo.EMPRESA_NO_ASIGNADA: n_trimestre - n_asignadas,
            Motivo.EMPRESA_NO_CONTACTADA: n_asignadas - n_contactadas,
            Motivo.SERVICIO_REPETIDO: n_contactadas - sum(int(f["n"]) for f in por_gestor),
        }
        self._anotar("servicios", conteo, extra)
        for f in por_gestor:
            calculo.gestor(f["gestor"]).numerador = int(f["n"])
        return calculo

    def eg(self, nativo: Any) -> Calculo:
        """EG (R17): solicitudes recibidas en el mes y las gestionadas hasta el corte."""
        ctx = self.ctx
        t = preparar("solicitudes", nativo)
        fh = t.fecha_hora["fecha"]
        marco = self._regional(
            "solicitudes",
            t.marco.select("gestor", "regional", "fecha", "fecha_gestion", "_nula"),
        )
        self._revisar_regional_de_gestor("solicitudes", marco)
        antes = marco.filter(nw.col("fecha_gestion") < nw.col("fecha")).select("fecha").head(1)
        if _filas(antes):
            raise DatoInvalido(
                "la fecha de gestión es anterior a la de recepción",
                campo="solicitudes.fecha_gestion",
            )
        marco = marco.with_columns(
            _g=nw.col("gestor").fill_null(_SIN_GESTOR),
            _gestionada=_entero(
                ~nw.col("fecha_gestion").is_null()
                & hasta("fecha_gestion", t.fecha_hora["fecha_gestion"], ctx.fin)
            ),
        )
        marco = self._contar(
            "solicitudes",
            marco,
            [
                (nw.col("_nula"), MOTIVO_NULO),
                (
                    ~nw.col("gestor").is_null() & ~self._conocido(),
                    Motivo.GESTOR_DESCONOCIDO,
                ),
                *self._motivos_de_fecha(t),
                (~desde("fecha", fh, ctx.inicio_mes), Motivo.FUERA_DEL_MES),
            ],
        )
        grupos = (
            marco.filter(nw.col("_cuenta"))
            .group_by("_g", "regional")
            .agg(nw.len().alias("n"), nw.col("_gestionada").sum().alias("gestionadas"))
        )
        calculo = Calculo()
        for f in _filas(grupos):
            parcial = self._parcial(calculo, f["_g"], f["regional"])
            parcial.denominador += int(f["n"])
            parcial.numerador += int(f["gestionadas"])
        return calculo

    @staticmethod
    def _parcial(calculo: Calculo, id_gestor: str, codigo: str) -> Parcial:
        return calculo.regional(codigo) if id_gestor == _SIN_GESTOR else calculo.gestor(id_gestor)

    def af(self, nativo: Any) -> Calculo:
        """AF (R18): ambientes del mes por gestor."""
        t = preparar("ambientes", nativo)
        fh = t.fecha_hora["fecha"]
        marco = t.marco.select("gestor", "fecha", "cantidad", "_nula").with_columns(
            _mes=nw.when(desde("fecha", fh, self.ctx.inicio_mes))
            .then(nw.col("cantidad"))
            .otherwise(nw.lit(0, dtype=nw.Int64)),
        )
        marco = self._contar(
            "ambientes",
            marco,
            [
                (nw.col("_nula"), MOTIVO_NULO),
                (~self._conocido(), Motivo.GESTOR_DESCONOCIDO),
                *self._motivos_de_fecha(t),
            ],
        )
        calculo = Calculo()
        grupos = (
            marco.filter(nw.col("_cuenta")).group_by("gestor").agg(nw.col("_mes").sum().alias("n"))
        )
        for f in _filas(grupos):
            calculo.gestor(f["gestor"]).numerador = int(f["n"])
        return calculo

    def cv(self, nativo: Any, cartera: Any) -> Calculo:
        """CV (R19): voluntarios del año por empresa, a su gestor o a su regional."""
        ctx = self.ctx
        t = preparar("contratos", nativo)
        fh = t.fecha_hora["fecha"]
        marco = self._regional(
            "contratos",
            t.marco.select("nit", "regional", "fecha", "obligada", "cuota_regulada", "_nula"),
        )
        marco = self._contar(
            "contratos", marco, [(nw.col("_nula"), MOTIVO_NULO), *self._motivos_de_fecha(t)]
        )
        anterior = (
            hasta("fecha", fh, ctx.fin_anterior)
            if ctx.fin_anterior is not None
            else nw.lit(value=False)
        )
        contado = nw.col("_cuenta")
        empresas = (
            marco.filter(~nw.col("_nula"))
            .with_columns(
                _anio=_entero(contado),
                _antes=_entero(contado & anterior),
                _obligada=_entero(nw.col("obligada")),
            )
            .group_by("nit")
            .agg(
                nw.col("regional").n_unique().alias("_n_regional"),
                nw.col("_obligada").n_unique().alias("_n_obligada"),
                nw.col("cuota_regulada").n_unique().alias("_n_cuota"),
                nw.col("regional").max(),
                nw.col("_obligada").max(),
                nw.col("cuota_regulada").max(),
                nw.col("_anio").sum(),
                nw.col("_antes").sum(),
            )
        )
        malas = _filas(
            empresas.filter(
                (nw.col("_n_regional") > 1) | (nw.col("_n_obligada") > 1) | (nw.col("_n_cuota") > 1)
            )
            .select("nit")
            .head(1)
        )
        if malas:
            raise RegistroInconsistente(
                f"contratos: los contratos de la empresa {malas[0]['nit']} no coinciden en "
                "regional, obligación o cuota regulada"
            )

        def voluntarios(n: str) -> nw.Expr:
            exceso = nw.col(n) - nw.col("cuota_regulada")
            return (
                nw.when((nw.col("_obligada") == 1) & (exceso < 0))
                .then(nw.lit(0, dtype=nw.Int64))
                .otherwise(nw.when(nw.col("_obligada") == 1).then(exceso).otherwise(nw.col(n)))
            )

        grupos = (
            empresas.join(cartera.rename({"gestor": "_gestor"}), on="nit", how="left")
            .with_columns(
                _g=nw.col("_gestor").fill_null(_SIN_GESTOR),
                _vol=voluntarios("_anio"),
            )
            .group_by("_g", "regional")
            .agg(nw.col("_vol").sum())
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

    def em(self, nativo: Any, cartera: Any) -> Calculo:
        """EM (R20): empresas asignadas con cuota y las que la monetizan."""
        t = preparar("cuotas", nativo)
        marco = t.marco.select("nit", "cuota_regulada", "monetiza", "gestor", "_nula")
        dobles = _filas(
            marco.filter(~nw.col("_nula"))
            .group_by("nit")
            .agg(nw.len().alias("n"))
            .filter(nw.col("n") > 1)
            .head(1)
        )
        if dobles:
            raise RegistroInconsistente(
                f"cuotas: la empresa {dobles[0]['nit']} tiene dos registros de cuota"
            )
        marco = marco.join(cartera.rename({"gestor": "_gestor"}), on="nit", how="left")
        revision = _filas(
            marco.select(
                _entero(nw.col("monetiza") & (nw.col("cuota_regulada") == 0))
                .sum()
                .alias("sin_cuota"),
                _entero(
                    ~nw.col("gestor").is_null()
                    & ~nw.col("_gestor").is_null()
                    & (nw.col("gestor") != nw.col("_gestor"))
                )
                .sum()
                .alias("otro_gestor"),
            )
        )[0]
        if revision["sin_cuota"]:
            raise DatoInvalido(
                "una empresa sin cuota regulada no puede monetizarla (R20)",
                campo="cuotas.monetiza",
            )
        if revision["otro_gestor"]:
            raise RegistroInconsistente(
                "cuotas: un registro de cuota nombra a un gestor distinto del asignado (R20)"
            )
        marco = marco.with_columns(
            _monetiza=_entero(nw.col("monetiza")),
        )
        marco = self._contar(
            "cuotas",
            marco,
            [
                (nw.col("_nula"), MOTIVO_NULO),
                (nw.col("_gestor").is_null(), Motivo.EMPRESA_NO_ASIGNADA),
                (nw.col("cuota_regulada") == 0, Motivo.SIN_CUOTA),
            ],
        )
        grupos = (
            marco.filter(nw.col("_cuenta"))
            .group_by("_gestor")
            .agg(nw.len().alias("n"), nw.col("_monetiza").sum())
        )
        calculo = Calculo()
        for f in _filas(grupos):
            parcial = calculo.gestor(f["_gestor"])
            parcial.denominador = int(f["n"])
            parcial.numerador = int(f["_monetiza"])
        return calculo

    def pe(self, nativo: Any) -> Calculo:
        """PE (R21): eventos del mes, por gestor o por regional."""
        t = preparar("eventos", nativo)
        fh = t.fecha_hora["fecha"]
        marco = self._regional(
            "eventos",
            t.marco.select("gestor", "regional", "fecha", "_nula"),
        )
        self._revisar_regional_de_gestor("eventos", marco)
        marco = marco.with_columns(
            _g=nw.col("gestor").fill_null(_SIN_GESTOR),
            _mes=_entero(desde("fecha", fh, self.ctx.inicio_mes)),
        )
        marco = self._contar(
            "eventos",
            marco,
            [
                (nw.col("_nula"), MOTIVO_NULO),
                (
                    ~nw.col("gestor").is_null() & ~self._conocido(),
                    Motivo.GESTOR_DESCONOCIDO,
                ),
                *self._motivos_de_fecha(t),
            ],
        )
        grupos = (
            marco.filter(nw.col("_cuenta")).group_by("_g", "regional").agg(nw.col("_mes").sum())
        )
        calculo = Calculo()
        for f in _filas(grupos):
            self._parcial(calculo, f["_g"], f["regional"]).numerador += int(f["_mes"])
        return calculo

    def sismeg(self, nativo: Any) -> Calculo:
        """SISMEG (R13): formados y empleos del año por gestor."""
        t = preparar("logros", nativo)
        marco = t.marco.select("gestor", "fecha", "formados", "empleos", "_nula")
        marco = self._contar(
            "logros",
            marco,
            [
                (nw.col("_nula"), MOTIVO_NULO),
                (~self._conocido(), Motivo.GESTOR_DESCONOCIDO),
                *self._motivos_de_fecha(t),
            ],
        )
        grupos = (
            marco.filter(nw.col("_cuenta"))
            .group_by("gestor")
            .agg(nw.col("formados").sum(), nw.col("empleos").sum())
        )
        calculo = Calculo()
        for f in _filas(grupos):
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
