"""EP: efectividad del portafolio de servicios (R16, §2b).

Ventana: el trimestre hasta el corte. EP = pares distintos (empresa, servicio) usados en la
ventana por las empresas que su gestor contactó en ella (quien sea que registró el uso) /
empresas contactadas, con los nombres que solo difieren en mayúsculas, tildes o espacios como un
solo servicio (R33); la meta es 2 servicios por empresa al cerrar el trimestre. Un servicio
usado dos veces por una empresa cuenta una vez (**decisión** de R16): cuenta el uso de fecha
menor (a igualdad, el primero por sus campos: `clave_de_orden`) y los demás quedan excluidos con
ese motivo, sea cual sea el orden de la entrada.

Gemelo por columnas: `tablas/ep.py` cuenta lo mismo sobre marcos de datos para
`informe_tabular` (docs/tablas.md). Un cambio en esta regla de conteo se hace en los dos;
las pruebas de tests/test_indicador_ep.py corren cada caso trabajado por ambas vías.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

from sena_relacionamiento._texto import clave_servicio
from sena_relacionamiento.datos import DatosSeguimiento, Motivo, clave_de_orden
from sena_relacionamiento.indicadores._base import (
    Ambito,
    Calculo,
    Contexto,
    Criterio,
    Horizonte,
    Parcial,
)
from sena_relacionamiento.indicadores._previo import Previo
from sena_relacionamiento.indicadores.resultado import Indicador, Resultado
from sena_relacionamiento.registros import ServicioUsado

__all__ = ["calcular", "criterio", "resultado"]


def calcular(
    datos: DatosSeguimiento,
    ctx: Contexto,
    contactadas: Mapping[str, set[str]],
    previo: Previo | None = None,
) -> Calculo:
    """Servicios distintos de las empresas contactadas de cada gestor. `contactadas` son las
    empresas contactadas en el trimestre por gestor, tal como las halló EC. Con `previo` (una
    serie), los servicios ya vienen en su orden total, que empieza por la fecha: los de fuera
    del año y los anteriores al trimestre son tramos, y solo se recorren los del trimestre."""
    calculo = Calculo()
    gestor_de = datos.indice.gestor_de
    inicio_trimestre = ctx.inicio_trimestre
    # Por empresa, cada servicio (R33: su clave) con el uso que cuenta.
    usados: dict[str, dict[str, dict[str, ServicioUsado]]] = {g: {} for g in contactadas}
    excluidos: dict[str, list[ServicioUsado]] = {}
    recorrer: Sequence[ServicioUsado] = datos.servicios
    # R33: un servicio, un nombre; la clave, una vez por nombre distinto.
    clave_de: Callable[[str], str] = lru_cache(maxsize=None)(clave_servicio)
    if previo is not None:
        ordenados = previo.servicios.registros
        i, j = previo.servicios.tramo(ctx.inicio_anio, ctx.fin)
        k = previo.servicios.indice(inicio_trimestre)
        for por_fecha, tramo in (
            (Motivo.FUERA_DE_VIGENCIA, ordenados[:i]),
            (Motivo.FUERA_DEL_TRIMESTRE_EP, ordenados[i:k]),
            (Motivo.POSTERIOR_AL_CORTE, ordenados[j:]),
        ):
            if tramo:
                excluidos[por_fecha] = list(tramo)
        recorrer = ordenados[k:j]
        clave_de = previo.claves_servicio.__getitem__  # ya calculadas una vez por nombre
    for servicio in recorrer:
        gestor = gestor_de.get(servicio.nit)
        motivo = ctx.fuera_del_anio(servicio.fecha)
        if motivo is None:
            if servicio.fecha < inicio_trimestre:
                motivo = Motivo.FUERA_DEL_TRIMESTRE_EP
            elif gestor is None:
                motivo = Motivo.EMPRESA_NO_ASIGNADA
            elif servicio.nit not in contactadas[gestor]:
                motivo = Motivo.EMPRESA_NO_CONTACTADA
            else:
                de_la_empresa = usados[gestor].setdefault(servicio.nit, {})
                clave = clave_de(servicio.servicio)
                cuenta = de_la_empresa.get(clave)
                if cuenta is None:
                    de_la_empresa[clave] = servicio
                    continue
                # De dos usos cuenta el primero en el orden total (fecha, luego los campos),
                # no el primero leído: la exclusión no depende del orden de la entrada. Solo
                # los repetidos calculan su clave de orden (ordenar todos costaba la mitad de EP).
                if clave_de_orden(servicio) < clave_de_orden(cuenta):
                    de_la_empresa[clave], servicio = servicio, cuenta
                motivo = Motivo.SERVICIO_REPETIDO
        excluidos.setdefault(motivo, []).append(servicio)
    for motivo, registros in excluidos.items():
        calculo.excluir(motivo, registros)
    meta = ctx.parametros.meta_ep
    for gestor, empresas in contactadas.items():
        parcial = calculo.gestor(gestor)
        servicios = usados[gestor].values()
        parcial.numerador = sum(len(s) for s in servicios)
        parcial.denominador = len(empresas)
        parcial.cuentas["empresas_con_2_servicios"] = sum(len(s) >= meta for s in servicios)
    return calculo


def criterio(indicador: Indicador, ambito: Ambito, ctx: Contexto) -> Criterio:
    """EP: el trimestre hasta el corte, meta 2 servicios por empresa al cierre del trimestre
    (R16, R24)."""
    return ctx.criterio(Horizonte.TRIMESTRE, ctx.parametros.meta_ep, razon=True)


def resultado(indicador: Indicador, parcial: Parcial, ambito: Ambito, ctx: Contexto) -> Resultado:
    """EP de un ámbito (R16, R24)."""
    detalle = {"empresas_con_2_servicios": parcial.cuenta("empresas_con_2_servicios")}
    return ctx.evaluar(indicador, criterio(indicador, ambito, ctx), parcial, detalle)
