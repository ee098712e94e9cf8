"""EG: efectividad de la gestión (R17), la vía por columnas (uso interno de `tablas`).

Gemelo de `indicadores/eg.py` (la vía por registros): solicitudes recibidas en el mes y, de
ellas, las gestionadas hasta el corte. Una solicitud sin gestor cuenta en su regional (R22);
una con gestor, en el gestor, que debe ser de esa regional (`RegistroInconsistente`, R17). Una
fecha de gestión anterior a la de recepción es un `DatoInvalido`. Una fila repetida (mismo id y
mismo contenido) cuenta una vez y las demás se excluyen como repetidas; el mismo id con otro
contenido es un `RegistroInconsistente` (issue 12, como `DatosSeguimiento`).
"""

from __future__ import annotations

from typing import Any

import narwhals.stable.v2 as nw

from sena_relacionamiento.datos import Motivo
from sena_relacionamiento.errores import RegistroInconsistente
from sena_relacionamiento.indicadores._base import Calculo
from sena_relacionamiento.tablas._esquema import FILA, desde, dia, hasta, preparar
from sena_relacionamiento.tablas._motor import (
    MOTIVO_NULO,
    Motor,
    Paso,
    agrupar,
    clave,
    codigo_de,
    columnas_de,
    entero,
    invalido,
    registros_de,
)

__all__ = ["paso"]


def paso(motor: Motor, nativo: Any) -> Paso[Calculo]:
    """EG (R17): recibidas (denominador) y gestionadas (numerador) por gestor o regional."""
    ctx = motor.ctx
    t = preparar("solicitudes", nativo)
    fh = t.fecha_hora["fecha"]
    pares = [
        (nw.col("_nula"), MOTIVO_NULO),
        (~nw.col("gestor").is_null() & ~motor.conocido(), Motivo.GESTOR_DESCONOCIDO),
        *motor.motivos_de_fecha(t),
        (~desde("fecha", fh, ctx.inicio_mes), Motivo.FUERA_DEL_MES),
    ]
    # La fecha de gestión anterior a la de recepción, por días (como `Solicitud`).
    antes = dia("fecha_gestion", t.fecha_hora["fecha_gestion"]) < dia("fecha", fh)
    # R17, R23: una fila repetida (mismo id y mismo contenido) cuenta una vez; las demás
    # se excluyen como repetidas. El mismo id con otro contenido es inconsistente.
    no_nulas = t.marco.filter(~nw.col("_nula"))
    if motor.filas:
        campos = [c for c in no_nulas.collect_schema().names() if c != FILA]
        unicas = motor.con_conocido(no_nulas.unique(campos, keep="any"))
        repetidas = (
            no_nulas.group_by(*campos)
            .agg(nw.col(FILA).min(), nw.len().alias("_k"))
            .filter(nw.col("_k") > 1)
            .with_columns(_m=nw.lit(1, dtype=nw.Int64))
        )
        motor.anotar_excluidas("solicitudes", repetidas, [Motivo.REPETIDO], veces=nw.col("_k") - 1)
    else:
        # Las cuatro consultas la usan: en Spark, una vez (`Motor.reusar`).
        unicas = motor.reusar(motor.con_conocido(no_nulas.unique()))
    motor.anotar_codigos("solicitudes", unicas, pares)
    filas = t.marco.select(
        nw.len().alias("total"), nw.col("_nula").cast(nw.Int64).sum().alias("nulas")
    )
    ids = unicas.group_by("id").agg(nw.len().alias("n")).filter(nw.col("n") > 1).select("id")
    consulta = agrupar(
        unicas,
        ["gestor", "regional"],
        pares,
        gestionadas=entero(
            ~nw.col("fecha_gestion").is_null()
            & hasta("fecha_gestion", t.fecha_hora["fecha_gestion"], ctx.fin)
        ),
        antes=entero(antes),
    )

    consultas: tuple[Any, ...] = (consulta, filas, unicas.select(nw.len().alias("n")), ids.head(1))
    if motor.detalle:
        # El detalle (como `indicadores.eg`): las recibidas que cuentan, por servicio. Aparte
        # de `consulta`, solo con las que cuentan (las del mes): por servicio, las de todo el
        # año serían muchos más grupos que leer en Python.
        consultas += (
            unicas.with_columns(codigo_de(pares))
            .filter(nw.col("_m") == 0)
            .group_by("gestor", "regional", "servicio")
            .agg(nw.len().alias("_n")),
        )

    def interpretar(
        consulta: Any, filas: Any, n_unicas: Any, ids: Any, *por_servicio: Any
    ) -> Calculo:
        grupos = columnas_de(consulta)
        if any(grupos["antes"]):  # como en el núcleo, antes que las contradicciones
            invalido("solicitudes", unicas.filter(antes), "fecha_gestion")
        if len(ids):
            id_ = columnas_de(ids)["id"][0]
            raise RegistroInconsistente(
                f"solicitudes: dos solicitudes con el mismo id {id_!r} y distinto contenido",
                registros_de("solicitudes", unicas.filter(nw.col("id") == nw.lit(id_))),
            )
        mapa = motor.mapa_regional("solicitudes", grupos["regional"])
        motor.revisar_regional_de_gestor("solicitudes", t.marco, grupos, mapa)
        calculo = Calculo()
        fila = columnas_de(filas)
        nulas = int(fila["nulas"][0] or 0)
        repetidas = int(fila["total"][0]) - nulas - int(columnas_de(n_unicas)["n"][0])
        # Las filas nulas y las repetidas no están en `consulta` (solo las únicas): las nulas
        # van con su motivo (código 1) y las repetidas como contadas (código 0) que `extra`
        # pasa a su motivo.
        otras = {"_m": [1, 0], "_n": [nulas, repetidas]}
        c = motor.repartir("solicitudes", pares, grupos, otras, extra={Motivo.REPETIDO: repetidas})
        for id_gestor, valor, n, gestionadas in zip(
            c["gestor"], c["regional"], c["_n"], c["gestionadas"], strict=True
        ):
            parcial = motor.parcial(calculo, clave(id_gestor), mapa[valor])
            parcial.denominador += int(n)
            parcial.numerador += int(gestionadas)
        for detalle in por_servicio:
            d = columnas_de(detalle)
            for id_gestor, valor, servicio, n in zip(
                d["gestor"], d["regional"], d["servicio"], d["_n"], strict=True
            ):
                parcial = motor.parcial(calculo, clave(id_gestor), mapa[valor])
                parcial.frecuencias[servicio] += int(n)
        return calculo

    return Paso(consultas, interpretar)
