"""CV: contratos de aprendizaje voluntarios (R19), la vía por columnas (uso interno de `tablas`).

Gemelo de `indicadores/cv.py` (la vía por registros): voluntarios del año hasta el corte por
empresa (todos, si no está obligada; los que pasan de su cuota regulada, si lo está), sumados a
su gestor o, si no está asignada, a su regional. Los contratos de una empresa deben coincidir
en regional, obligación y cuota, y la regional debe ser la de su gestor
(`RegistroInconsistente`, R19).
"""

from __future__ import annotations

from typing import Any

import narwhals.stable.v2 as nw

from sena_relacionamiento.errores import RegistroInconsistente
from sena_relacionamiento.indicadores._base import Calculo
from sena_relacionamiento.regionales import regional
from sena_relacionamiento.registros import ContratoAprendizaje
from sena_relacionamiento.tablas._esquema import hasta, preparar
from sena_relacionamiento.tablas._motor import (
    MOTIVO_NULO,
    SIN_GESTOR,
    Motor,
    Paso,
    codigo_de,
    columnas_de,
    entero,
    fila,
    registros_de,
)

__all__ = ["paso"]


def paso(motor: Motor, nativo: Any, cartera: Any) -> Paso[Calculo]:
    """CV (R19): voluntarios del año por empresa, a su gestor o a su regional."""
    t = preparar("contratos", nativo)
    pares = [(nw.col("_nula"), MOTIVO_NULO), *motor.motivos_de_fecha(t)]
    marco = motor.normalizar_regional(
        "contratos",
        t.marco.select(
            "nit", "regional", "fecha", "obligada", "cuota_regulada", "_nula", *fila(motor)
        ),
    ).with_columns(codigo_de(pares))
    motor.anotar_excluidas("contratos", marco, [motivo for _, motivo in pares])
    # Las empresas las usan dos consultas: en Spark, calculadas una vez (`Motor.reusar`).
    empresas = motor.reusar(
        marco.filter(~nw.col("_nula"))
        .with_columns(
            _anio=entero(nw.col("_m") == 0),
            _obligada=entero(nw.col("obligada")),
            **_anterior(motor, t.fecha_hora["fecha"]),
        )
        .group_by("nit")
        .agg(
            # Mínimo y máximo en vez de `n_unique` (Dask con varias particiones lo suma por
            # partición); las tres columnas no admiten nulos (las filas nulas ya no están).
            nw.col("regional").min().alias("_min_regional"),
            nw.col("_obligada").min().alias("_min_obligada"),
            nw.col("cuota_regulada").min().alias("_min_cuota"),
            nw.col("regional").max(),
            nw.col("_obligada").max(),
            nw.col("cuota_regulada").max(),
            nw.col("_anio").sum(),
            *([nw.col("_anterior").sum()] if motor.detalle else []),
        )
    )
    asignadas = empresas.join(cartera.rename({"gestor": "_gestor"}), on="nit", how="left")
    consultas = (
        marco.group_by("_m").agg(nw.len().alias("_n")),
        empresas.filter(
            (nw.col("_min_regional") != nw.col("regional"))
            | (nw.col("_min_obligada") != nw.col("_obligada"))
            | (nw.col("_min_cuota") != nw.col("cuota_regulada"))
        )
        .select("nit")
        .head(1),
        asignadas.with_columns(
            _g=nw.col("_gestor").fill_null(SIN_GESTOR),
            _vol=_voluntarios("_anio"),
            **_detalle(motor),
        )
        .group_by("_g", "regional")
        .agg(nw.col("_vol").sum(), *(nw.col(c).sum() for c in _detalle(motor))),
    )

    def contratos_de(nit: Any, n: int | None = None) -> tuple[Any, ...]:
        filas = marco.filter(~nw.col("_nula"), nw.col("nit") == nw.lit(nit))
        return registros_de("contratos", filas, n)

    def interpretar(conteo: Any, malas: Any, grupos: Any) -> Calculo:
        motor.repartir("contratos", pares, columnas_de(conteo))
        if len(malas):
            nit = columnas_de(malas)["nit"][0]
            primero, *otros = contratos_de(nit)
            distinto = next(c for c in otros if _firma(c) != _firma(primero))
            raise RegistroInconsistente(
                f"contratos: los contratos de la empresa {nit} no coinciden en regional, "
                "obligación o cuota regulada",
                (primero, distinto),
            )
        calculo = Calculo()
        c = columnas_de(grupos)
        for id_gestor, codigo, voluntarios in zip(c["_g"], c["regional"], c["_vol"], strict=True):
            if id_gestor != SIN_GESTOR:
                gestor = motor.gestores[id_gestor]
                if gestor.regional.codigo != codigo:
                    de_otra = asignadas.filter(
                        nw.col("_gestor") == nw.lit(id_gestor), nw.col("regional") == nw.lit(codigo)
                    )
                    nit = columnas_de(de_otra.select("nit").head(1))["nit"][0]
                    raise RegistroInconsistente(
                        f"contratos: la empresa {nit} tiene contratos en la regional "
                        f"{regional(codigo)} pero está asignada al gestor "
                        f"{id_gestor!r}, de la regional {gestor.regional}",
                        (*contratos_de(nit, 1), gestor),
                    )
            motor.parcial(calculo, id_gestor, codigo).numerador += int(voluntarios)
        if motor.detalle:
            claves = zip(c["_g"], c["regional"], strict=True)
            for posicion, (id_gestor, codigo) in enumerate(claves):
                cuentas = motor.parcial(calculo, id_gestor, codigo).cuentas
                for nombre in ("dentro_de_cuota", "incremento_mes"):
                    cuentas[nombre] += int(c[nombre][posicion])
        return calculo

    return Paso(consultas, interpretar)


def _firma(contrato: ContratoAprendizaje) -> tuple[Any, ...]:
    """Lo que deben compartir los contratos de una empresa (R19)."""
    return (contrato.regional, contrato.obligada, contrato.cuota_regulada)


def _anterior(motor: Motor, fecha_hora: bool) -> dict[str, nw.Expr]:
    """Con el detalle, la columna ``_anterior``: 1 si el contrato cuenta en el año y es del
    corte anterior o antes (el incremento del mes, R19), si no 0 (siempre en el primer mes)."""
    if not motor.detalle:
        return {}
    fin_anterior = motor.ctx.fin_anterior
    if fin_anterior is None:
        return {"_anterior": nw.lit(0, dtype=nw.Int64)}
    return {"_anterior": entero((nw.col("_m") == 0) & hasta("fecha", fecha_hora, fin_anterior))}


def _detalle(motor: Motor) -> dict[str, nw.Expr]:
    """Las columnas del detalle de CV por empresa (como `indicadores.cv`): los contratos que
    solo llenan cuota y el incremento de voluntarios del mes."""
    if not motor.detalle:
        return {}
    return {
        "dentro_de_cuota": nw.col("_anio") - _voluntarios("_anio"),
        "incremento_mes": _voluntarios("_anio") - _voluntarios("_anterior"),
    }


def _voluntarios(n: str) -> nw.Expr:
    """Los voluntarios de una empresa con `n` contratos: los que pasan de su cuota si está
    obligada (nunca menos de cero), todos si no (R19)."""
    exceso = nw.col(n) - nw.col("cuota_regulada")
    return (
        nw.when((nw.col("_obligada") == 1) & (exceso < 0))
        .then(nw.lit(0, dtype=nw.Int64))
        .otherwise(nw.when(nw.col("_obligada") == 1).then(exceso).otherwise(nw.col(n)))
    )
