"""Las filas de `Informe.filas()` por columnas, para el motor tabular (uso interno de `tablas`).

Mismas sumas por ámbito (`informe._sumar`, R22), mismo criterio de cada indicador (R24) y misma
evaluación exacta (`Contexto.valorar`, R24–R25) que `informe()`, sin armar tableros, `Resultado`
ni detalles. La evaluación y la consolidación tienen una sola implementación: la del núcleo.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sena_relacionamiento.indicadores._base import Calculo, Contexto, Criterio, Parcial, TipoAmbito
from sena_relacionamiento.indicadores.resultado import Indicador
from sena_relacionamiento.informe import _INDICADORES, COLUMNAS_FILAS, _sumar
from sena_relacionamiento.registros import Gestor

__all__ = ["columnas"]


def columnas(
    gestores: Mapping[str, Gestor], ctx: Contexto, calculos: Mapping[Indicador, Calculo]
) -> dict[str, list[Any]]:
    """Las filas de `Informe.filas()` por columnas, sin armar tableros ni detalles. Mismas
    sumas (`_sumar`) y mismos criterios y evaluación que `informe._consolidar`; el criterio de
    un gestor no depende de cuál gestor es, así que se toma una vez por indicador."""
    columnas: dict[str, list[Any]] = {nombre: [] for nombre in COLUMNAS_FILAS}
    # Una lista por columna (sin una tupla por fila): menos objetos vivos, menos recolección.
    anexar = [columnas[nombre].append for nombre in COLUMNAS_FILAS]
    a_tipo, a_clave, a_ind, a_inicio, a_fin, a_valor, a_meta, a_num, a_den, a_est, a_sem = anexar
    # De los gestores: el criterio, uno por indicador, y lo valorado por cifras (muchos gestores
    # comparten cifras; mismo criterio y mismas cifras dan el mismo resultado).
    de_gestor: dict[Indicador, Criterio] = {}
    valorados: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    nombres = [(indicador, indicador.name, modulo) for indicador, _, modulo in _INDICADORES]
    for ambito, _, parciales in _sumar(gestores, calculos):
        tipo = ambito.tipo.name.lower()
        es_gestor = ambito.tipo is TipoAmbito.GESTOR
        for indicador, nombre, modulo in nombres:
            parcial = parciales[indicador]
            if es_gestor:
                criterio = de_gestor.get(indicador)
                if criterio is None:
                    criterio = de_gestor[indicador] = modulo.criterio(indicador, ambito, ctx)
                numerador = parcial.numerador  # `int` o `Decimal`: el tipo también cuenta
                cifras: tuple[Any, ...] = (
                    indicador,
                    type(numerador),
                    numerador,
                    parcial.denominador,
                )
                if criterio.cuenta is not None:
                    cifras += (parcial.cuenta(criterio.cuenta),)
                valorado = valorados.get(cifras)
                if valorado is None:
                    valorado = valorados[cifras] = _valorado(ctx, indicador, criterio, parcial)
            else:
                criterio = modulo.criterio(indicador, ambito, ctx)
                valorado = _valorado(ctx, indicador, criterio, parcial)
            valor, numerador, denominador, estado, semaforo = valorado
            a_tipo(tipo)
            a_clave(ambito.clave)
            a_ind(nombre)
            a_inicio(criterio.inicio)
            a_fin(ctx.fin)
            a_valor(valor)
            a_meta(criterio.meta)
            a_num(numerador)
            a_den(denominador)
            a_est(estado)
            a_sem(semaforo)
    return columnas


def _valorado(
    ctx: Contexto, indicador: Indicador, criterio: Criterio, parcial: Parcial
) -> tuple[Any, ...]:
    """`Contexto.valorar` con el estado y el semáforo por nombre, como en `Informe.filas()`."""
    valor, numerador, denominador, estado, semaforo = ctx.valorar(indicador, criterio, parcial)
    return valor, numerador, denominador, estado.name, None if semaforo is None else semaforo.name
