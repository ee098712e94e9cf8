"""EG: efectividad de la gestión de solicitudes (R17, §2c).

Ventana: el mes del periodo. EG = solicitudes recibidas en el mes con fecha de gestión hasta
el corte / solicitudes recibidas en el mes; la meta es 60 % cada mes. El detalle lista los tres
servicios más solicitados, con el nombre del CRM. Una solicitud sin gestor cuenta solo en la
regional y la nación.

Gemelo por columnas: `tablas/eg.py` cuenta lo mismo sobre marcos de datos para
`informe_tabular` (docs/tablas.md). Un cambio en esta regla de conteo se hace en los dos;
las pruebas de tests/test_indicador_eg.py corren cada caso trabajado por ambas vías.
"""

from __future__ import annotations

from collections import Counter

from sena_relacionamiento._texto import clave_servicio, grafia_mas_vista
from sena_relacionamiento.datos import DatosSeguimiento, Motivo
from sena_relacionamiento.indicadores._base import (
    Ambito,
    Calculo,
    Contexto,
    Criterio,
    Horizonte,
    Parcial,
)
from sena_relacionamiento.indicadores.resultado import Indicador, Resultado

__all__ = ["calcular", "criterio", "mas_solicitados", "resultado"]


def calcular(datos: DatosSeguimiento, ctx: Contexto) -> Calculo:
    """Solicitudes recibidas y gestionadas en el mes, por gestor o por regional."""
    calculo = Calculo()
    gestores = datos.indice.gestores
    for solicitud in datos.indice.solicitudes:  # sin las repetidas (R23)
        gestor = solicitud.gestor
        if gestor is not None and gestor not in gestores:
            motivo: str | None = Motivo.GESTOR_DESCONOCIDO
        else:
            motivo = ctx.fuera_del_anio(solicitud.fecha)
            if motivo is None and solicitud.fecha < ctx.inicio_mes:
                motivo = Motivo.FUERA_DEL_MES
        if motivo is not None:
            calculo.excluir(motivo, (solicitud,))
            continue
        parcial = (
            calculo.regional(solicitud.regional.codigo)
            if gestor is None
            else calculo.gestor(gestor)
        )
        parcial.denominador += 1
        gestion = solicitud.fecha_gestion
        if gestion is not None and gestion <= ctx.fin:
            parcial.numerador += 1
        parcial.frecuencias[solicitud.servicio] += 1
    return calculo


def mas_solicitados(frecuencias: Counter[str], n: int = 3) -> tuple[tuple[str, int], ...]:
    """Los `n` servicios más solicitados (R17, R33): por conteo descendente y luego por nombre
    ascendente sin importar mayúsculas ni tildes. Los nombres que solo difieren en mayúsculas,
    tildes o espacios son el mismo servicio (R33): se cuentan juntos y se muestran con la
    grafía vista más veces (a igualdad, la primera en orden alfabético).

    >>> mas_solicitados(Counter({"Formación": 2, "formacion": 1, "Asesoría": 3, "Becas": 1}))
    (('Asesoría', 3), ('Formación', 3), ('Becas', 1))
    """
    grupos: dict[str, list[tuple[str, int]]] = {}
    conteo: Counter[str] = Counter()
    for nombre, veces in frecuencias.items():
        clave = clave_servicio(nombre)
        grupos.setdefault(clave, []).append((nombre, veces))
        conteo[clave] += veces
    orden = sorted(conteo, key=lambda clave: (-conteo[clave], clave))
    return tuple((grafia_mas_vista(grupos[clave]), conteo[clave]) for clave in orden[:n])


def criterio(indicador: Indicador, ambito: Ambito, ctx: Contexto) -> Criterio:
    """EG: el mes, meta 60 % (R17, R24)."""
    return ctx.criterio(Horizonte.MES, ctx.parametros.meta_eg, razon=True)


def resultado(indicador: Indicador, parcial: Parcial, ambito: Ambito, ctx: Contexto) -> Resultado:
    """EG de un ámbito, con los servicios más solicitados (R17, R24)."""
    detalle = {"servicios_mas_solicitados": mas_solicitados(parcial.frecuencias)}
    return ctx.evaluar(indicador, criterio(indicador, ambito, ctx), parcial, detalle)
