"""EP: efectividad del portafolio (R16), la vía por columnas (uso interno de `tablas`).

Gemelo de `indicadores/ep.py` (la vía por registros): pares distintos (empresa, servicio) del
trimestre hasta el corte de las empresas que su gestor contactó en él. Un servicio repetido
cuenta una vez (decisión de R16). El denominador (las empresas contactadas, el numerador de
EC) lo pone `informe_tabular`.
"""

from __future__ import annotations

from typing import Any

import narwhals.stable.v2 as nw

from sena_relacionamiento._texto import clave_servicio
from sena_relacionamiento.datos import Motivo
from sena_relacionamiento.indicadores._base import Calculo
from sena_relacionamiento.tablas._esquema import desde, preparar
from sena_relacionamiento.tablas._motor import (
    MOTIVO_NULO,
    Motor,
    Paso,
    codigo_de,
    columnas_de,
    es_nulo,
    fila,
)

__all__ = ["paso"]


def paso(motor: Motor, nativo: Any, cartera: Any, contactadas: Any) -> Paso[Calculo]:
    """EP (R16): los numeradores por gestor y las exclusiones de los servicios."""
    ctx = motor.ctx
    t = preparar("servicios", nativo)
    fh = t.fecha_hora["fecha"]
    pares = [
        (nw.col("_nula"), MOTIVO_NULO),
        *motor.motivos_de_fecha(t),
        (~desde("fecha", fh, ctx.inicio_trimestre), Motivo.FUERA_DEL_TRIMESTRE_EP),
        (nw.col("gestor").is_null(), Motivo.EMPRESA_NO_ASIGNADA),
        (nw.col("_contactada").is_null(), Motivo.EMPRESA_NO_CONTACTADA),
    ]
    previos = 4  # los motivos que se saben antes de cruzar con la cartera
    marco = t.marco.select("nit", "fecha", "servicio", "_nula", *fila(motor)).with_columns(
        codigo_de(pares[:previos])
    )
    motivos = [motivo for _, motivo in pares]
    motor.anotar_excluidas("servicios", marco, motivos)
    # Solo las filas del trimestre se cruzan, una vez y por el NIT, con la cartera marcada con
    # las empresas contactadas (una empresa tiene a lo sumo un gestor, R14); los pares
    # distintos (empresa, servicio) se cuentan agrupando por las dos columnas.
    marcada = cartera.join(
        contactadas.select("nit", _contactada=nw.lit(value=True)), on="nit", how="left"
    )
    cruzadas = (
        marco.filter(nw.col("_m") == 0)
        .join(marcada, on="nit", how="left")
        .with_columns(codigo_de(pares, desde=previos), _s=_servicio(t.marco))
    )
    motor.anotar_excluidas("servicios", cruzadas, motivos)
    # De los usos repetidos de un servicio en una empresa cuenta el primero en el orden de los
    # registros (como `indicadores.ep`): las filas de cada par con más de un uso.
    par = ["gestor", "nit", "_s"]
    contadas = cruzadas.filter(nw.col("_m") == 0)
    motor.anotar_excluidas(
        "servicios",
        contadas.join(
            contadas.group_by(*par).agg(nw.len().alias("_k")).filter(nw.col("_k") > 1),
            on=par,
            how="semi",
        ).with_columns(_m=nw.lit(1, dtype=nw.Int64)),
        [Motivo.SERVICIO_REPETIDO],
        grupo=nw.concat_str([nw.col(c) for c in par], separator="\x1f"),
    )
    # Los usos de cada par (gestor, empresa, servicio) por motivo: de aquí salen las cifras y
    # el detalle (no `n_unique`, que Dask con varias particiones suma por partición).
    por_par = cruzadas.group_by("gestor", "_m", "nit", "_s").agg(nw.len().alias("_k"))
    consultas: tuple[Any, ...] = (
        # Las filas que no se cruzan (las que se cruzan se cuentan en `cruzadas`).
        marco.filter(nw.col("_m") != 0).group_by("_m").agg(nw.len().alias("_n")),
        por_par.group_by("gestor", "_m").agg(
            nw.col("_k").sum().alias("_n"), nw.len().alias("distintos")
        ),
    )
    if motor.detalle:
        # El detalle (como `indicadores.ep`): por gestor, cuántas empresas tienen cada número
        # de servicios distintos.
        consultas += (
            por_par.filter(nw.col("_m") == 0)
            .group_by("gestor", "nit")
            .agg(nw.len().alias("_d"))
            .group_by("gestor", "_d")
            .agg(nw.len().alias("n")),
        )

    def interpretar(previas: Any, grupos: Any, *detalle: Any) -> Calculo:
        cruzadas = columnas_de(grupos)
        repetidos = sum(
            int(n) - int(d)
            for codigo, n, d in zip(
                cruzadas["_m"], cruzadas["_n"], cruzadas["distintos"], strict=True
            )
            if codigo == 0
        )
        extra = {Motivo.SERVICIO_REPETIDO: repetidos}
        usados = motor.repartir("servicios", pares, cruzadas, columnas_de(previas), extra=extra)
        calculo = Calculo()
        for id_gestor, distintos in zip(usados["gestor"], usados["distintos"], strict=True):
            calculo.gestor(id_gestor).numerador = int(distintos)
        for por_empresa in detalle:
            meta = ctx.parametros.meta_ep
            c = columnas_de(por_empresa)
            for id_gestor, d, n in zip(c["gestor"], c["_d"], c["n"], strict=True):
                if d >= meta:
                    calculo.gestor(id_gestor).cuentas["empresas_con_2_servicios"] += int(n)
        return calculo

    return Paso(consultas, interpretar)


def _servicio(marco: Any) -> nw.Expr:
    """La columna ``servicio`` con un solo nombre por servicio (R33): los nombres que solo
    difieren en mayúsculas, tildes o espacios pasan a uno de ellos. Lee antes los nombres
    distintos (una consulta pequeña); si ninguno tiene variantes, la columna queda igual."""
    grupos: dict[str, list[str]] = {}
    for nombre in columnas_de(marco.select("servicio").unique())["servicio"]:
        if not es_nulo(nombre):
            grupos.setdefault(clave_servicio(nombre), []).append(nombre)
    variantes = {n: min(g) for g in grupos.values() if len(g) > 1 for n in g}
    if not variantes:
        return nw.col("servicio")
    return nw.col("servicio").replace_strict(
        list(variantes), list(variantes.values()), default=nw.col("servicio")
    )
