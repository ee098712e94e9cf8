"""EC: empresas contactadas (R14–R15), la vía por columnas (uso interno de `tablas`).

Gemelo de `indicadores/ec.py` (la vía por registros): empresas de la cartera contactadas en el
trimestre hasta el corte / empresas asignadas. Antes del trimestre solo cuentan (para R15) los
contactos a la propia cartera; los demás se excluyen. Los contactos de fuera de cartera del
trimestre cuentan en el detalle (R14), nunca en el numerador. Da también las parejas
(gestor, nit) contactadas, que EP usa como denominador (R16).
"""

from __future__ import annotations

from typing import Any

import narwhals.stable.v2 as nw

from sena_relacionamiento.datos import Motivo
from sena_relacionamiento.indicadores._base import Calculo
from sena_relacionamiento.registros import MedioContacto, TipoContacto
from sena_relacionamiento.tablas._esquema import desde, preparar
from sena_relacionamiento.tablas._motor import (
    MOTIVO_NULO,
    Motor,
    Paso,
    codigo_de,
    columnas_de,
    fila,
    por_gestor,
)

__all__ = ["paso"]


def paso(motor: Motor, nativo: Any, cartera: Any) -> tuple[Paso[Calculo], Any]:
    """EC (R14): el paso y la consulta de las parejas (gestor, nit) de la cartera contactadas
    en el trimestre, que usa EP."""
    denominadores = por_gestor(cartera)
    if nativo is None:
        return Paso((denominadores,), _asignadas), cartera.head(0)
    ctx = motor.ctx
    t = preparar("contactos", nativo)
    fh = t.fecha_hora["fecha"]
    pares = [
        (nw.col("_nula"), MOTIVO_NULO),
        (~motor.conocido(), Motivo.GESTOR_DESCONOCIDO),
        *motor.motivos_de_fecha(t),
    ]
    propias = ("tipo", "medio") if motor.detalle else ()
    # Los contactos clasificados: los usan las contactadas, el conteo por motivo y los de
    # fuera del trimestre (en Spark, calculados una vez: `Motor.reusar`).
    marco = motor.reusar(
        motor.con_conocido(
            t.marco.select("gestor", "nit", "fecha", "_nula", *propias, *fila(motor))
        ).with_columns(codigo_de(pares))
    )
    motor.anotar_excluidas("contactos", marco, [motivo for _, motivo in pares])
    trimestre = desde("fecha", fh, ctx.inicio_trimestre)
    validos = marco.filter(nw.col("_m") == 0)
    # Antes del trimestre solo cuentan los contactos a la propia cartera (R15); los demás
    # se excluyen. En el trimestre, los de fuera de cartera cuentan en el detalle (R14).
    # Las parejas de la cartera con algún contacto en el trimestre: ya son distintas.
    contactadas = cartera.join(
        validos.filter(trimestre).select("gestor", "nit"), on=["gestor", "nit"], how="semi"
    )
    contactadas = motor.compartir(contactadas)  # EC y EP la usan: una vez
    # Los contactos válidos con ``_propia`` (de la cartera del gestor o no), con un solo cruce
    # con la cartera: lo usan la cuenta de los de fuera del trimestre y el detalle.
    propia = cartera.select("gestor", "nit").with_columns(_propia=nw.lit(value=True))
    marcados = validos.join(propia, on=["gestor", "nit"], how="left")
    de_la_cartera = ~nw.col("_propia").is_null()
    consultas: tuple[Any, ...] = (
        denominadores,
        por_gestor(contactadas),
        marco.group_by("_m").agg(nw.len().alias("_n")),
        marcados.filter(~trimestre, ~de_la_cartera).select(nw.len().alias("n")),
    )
    motor.anotar_excluidas(
        "contactos",
        validos.filter(~trimestre)
        .join(cartera, on=["gestor", "nit"], how="anti")
        .with_columns(_m=nw.lit(1, dtype=nw.Int64)),
        [Motivo.FUERA_DEL_TRIMESTRE],
    )
    if motor.detalle:
        consultas += _consultas_detalle(motor, marcados, trimestre, de_la_cartera, cartera)

    def interpretar(
        denominadores: Any, numeradores: Any, grupos: Any, fuera: Any, *detalle: Any
    ) -> Calculo:
        extra = {Motivo.FUERA_DEL_TRIMESTRE: int(columnas_de(fuera)["n"][0])}
        motor.repartir("contactos", pares, columnas_de(grupos), extra=extra)
        calculo = _asignadas(denominadores)
        c = columnas_de(numeradores)
        for id_gestor, n in zip(c["gestor"], c["n"], strict=True):
            calculo.gestor(id_gestor).numerador = int(n)
        if detalle:
            _detalle(calculo, *detalle)
        return calculo

    return Paso(consultas, interpretar), contactadas


def _consultas_detalle(
    motor: Motor, marcados: Any, trimestre: nw.Expr, de_la_cartera: nw.Expr, cartera: Any
) -> tuple[Any, ...]:
    """Las consultas del detalle de EC (como `indicadores.ec.resultado`): los contactos a la
    cartera del trimestre por tipo y medio, los de fuera de cartera del trimestre y las
    empresas de la cartera con menos de `contactos_anuales` contactos en el año (R14, R15).
    `marcados`: los contactos válidos, cada uno con si es a la cartera de su gestor."""
    claves = ["gestor", "nit"]
    en_el_anio = marcados.filter(de_la_cartera).group_by(*claves).agg(nw.len().alias("_veces"))
    minimo = motor.ctx.parametros.contactos_anuales
    return (
        marcados.filter(trimestre, de_la_cartera)
        .group_by("gestor", "tipo", "medio")
        .agg(nw.len().alias("n")),
        marcados.filter(trimestre, ~de_la_cartera).group_by("gestor").agg(nw.len().alias("n")),
        cartera.join(en_el_anio, on=claves, how="left")
        .filter(nw.col("_veces").is_null() | (nw.col("_veces") < minimo))
        .select(*claves),
    )


def _detalle(calculo: Calculo, por_tipo: Any, fuera: Any, menos: Any) -> None:
    """El detalle de EC en los parciales de los gestores de la cartera."""
    c = columnas_de(por_tipo)
    # Cada etiqueta distinta se lee una vez (hay pocas; los grupos son miles).
    tipos = {v: TipoContacto.de(v, "tipo") for v in dict.fromkeys(c["tipo"])}
    medios = {v: MedioContacto.de(v, "medio") for v in dict.fromkeys(c["medio"])}
    for id_gestor, tipo, medio, n in zip(c["gestor"], c["tipo"], c["medio"], c["n"], strict=True):
        calculo.gestor(id_gestor).frecuencias[tipos[tipo], medios[medio]] += int(n)
    c = columnas_de(fuera)
    for id_gestor, n in zip(c["gestor"], c["n"], strict=True):
        calculo.gestor(id_gestor).cuentas["fuera_de_cartera"] = int(n)
    c = columnas_de(menos)
    for id_gestor, nit in zip(c["gestor"], c["nit"], strict=True):
        calculo.gestor(id_gestor).listas.setdefault("menos_de_3", []).append(nit)


def _asignadas(denominadores: Any) -> Calculo:
    """El `Calculo` con las empresas asignadas de cada gestor como denominador."""
    calculo = Calculo()
    c = columnas_de(denominadores)
    for id_gestor, n in zip(c["gestor"], c["n"], strict=True):
        calculo.gestor(id_gestor).denominador = int(n)
    return calculo
