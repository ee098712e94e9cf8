"""EC: empresas contactadas por gestor (R14–R15, §2a).

Ventana: el trimestre hasta el corte. EC = empresas asignadas contactadas al menos una vez /
empresas asignadas; la meta es 90 % al cerrar el trimestre. El detalle cuenta los contactos a
la cartera por tipo × medio, aparte los contactos «fuera de cartera» (que nunca entran al
numerador) y lista las empresas asignadas con menos de 3 contactos en el año (R15).

Gemelo por columnas: `tablas/ec.py` cuenta lo mismo sobre marcos de datos para
`informe_tabular` (docs/tablas.md). Un cambio en esta regla de conteo se hace en los dos;
las pruebas de tests/test_indicador_ec.py corren cada caso trabajado por ambas vías.
"""

from __future__ import annotations

from collections import Counter

from sena_relacionamiento._inmutable import MapaFijo
from sena_relacionamiento.datos import DatosSeguimiento, Motivo
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
from sena_relacionamiento.registros import Contacto, MedioContacto, TipoContacto

__all__ = ["calcular", "criterio", "resultado"]


def calcular(datos: DatosSeguimiento, ctx: Contexto, previo: Previo | None = None) -> Calculo:
    """Cobertura de la cartera de cada gestor en el trimestre y contactos del año. Con
    `previo` (una serie), los contactos ya vienen separados (gestor desconocido, a su cartera,
    fuera de ella) y ordenados por fecha: cada ventana es un tramo, y solo se recorren uno por
    uno los contactos a la cartera del trimestre."""
    calculo = Calculo()
    cartera = datos.indice.cartera
    inicio_trimestre, inicio_anio, fin = ctx.inicio_trimestre, ctx.inicio_anio, ctx.fin
    contactadas: dict[str, set[str]] = {g: set() for g in cartera}
    por_tipo: dict[str, Counter[tuple[TipoContacto, MedioContacto]]] = {
        g: Counter() for g in cartera
    }
    # Contactos del año a la cartera, por empresa: cada empresa es de la cartera de un solo
    # gestor, así que la empresa dice de quién es la cuenta.
    en_el_anio: Counter[str] = Counter()
    fuera: Counter[str] = Counter()
    desconocido: list[Contacto] = []
    posterior: list[Contacto] = []
    anterior: list[Contacto] = []
    fuera_de_ventana: list[Contacto] = []
    if previo is None:
        # Listas y una cuenta al final (`Counter` de una lista, en C) en lugar de una cuenta
        # por contacto: el recorrido pasa por los dos millones de contactos de un año nacional.
        del_anio: list[str] = []  # la empresa de cada contacto del año a la cartera
        del_trimestre: list[Contacto] = []
        fuera_de: list[str] = []  # el gestor de cada contacto del trimestre fuera de cartera
        for contacto in datos.contactos:
            propia = cartera.get(contacto.gestor)
            fecha = contacto.fecha
            if propia is None:
                desconocido.append(contacto)
            elif fecha > fin:
                posterior.append(contacto)
            elif fecha < inicio_anio:
                anterior.append(contacto)
            elif contacto.nit in propia:
                del_anio.append(contacto.nit)
                if fecha >= inicio_trimestre:
                    del_trimestre.append(contacto)
            elif fecha >= inicio_trimestre:
                fuera_de.append(contacto.gestor)
            else:
                fuera_de_ventana.append(contacto)
        en_el_anio.update(del_anio)
        fuera.update(fuera_de)
        for contacto in del_trimestre:
            contactadas[contacto.gestor].add(contacto.nit)
            por_tipo[contacto.gestor][contacto.tipo, contacto.medio] += 1
    else:
        desconocido.extend(previo.contactos_desconocidos)
        a_cartera, fuera_de_cartera = previo.a_cartera, previo.fuera_de_cartera
        i, j = a_cartera.tramo(inicio_anio, fin)
        k = a_cartera.indice(inicio_trimestre)  # i <= k <= j
        anterior.extend(a_cartera.registros[:i])
        posterior.extend(a_cartera.registros[j:])
        en_el_anio.update(a_cartera.claves[i:j])
        for contacto in a_cartera.registros[k:j]:
            contactadas[contacto.gestor].add(contacto.nit)
            por_tipo[contacto.gestor][contacto.tipo, contacto.medio] += 1
        i, j = fuera_de_cartera.tramo(inicio_anio, fin)
        k = fuera_de_cartera.indice(inicio_trimestre)
        anterior.extend(fuera_de_cartera.registros[:i])
        posterior.extend(fuera_de_cartera.registros[j:])
        fuera_de_ventana.extend(fuera_de_cartera.registros[i:k])
        fuera.update(fuera_de_cartera.claves[k:j])
    calculo.excluir(Motivo.GESTOR_DESCONOCIDO, desconocido)
    calculo.excluir(Motivo.POSTERIOR_AL_CORTE, posterior)
    calculo.excluir(Motivo.FUERA_DE_VIGENCIA, anterior)
    calculo.excluir(Motivo.FUERA_DEL_TRIMESTRE, fuera_de_ventana)
    minimo = ctx.parametros.contactos_anuales
    for gestor, nits in cartera.items():
        parcial = calculo.gestor(gestor)
        parcial.numerador = len(contactadas[gestor])
        parcial.denominador = len(nits)
        parcial.frecuencias = por_tipo[gestor]
        parcial.cuentas["fuera_de_cartera"] = fuera[gestor]
        parcial.listas["menos_de_3"] = [n for n in nits if en_el_anio[n] < minimo]
        parcial.listas["contactadas"] = list(contactadas[gestor])
    return calculo


def criterio(indicador: Indicador, ambito: Ambito, ctx: Contexto) -> Criterio:
    """EC: el trimestre hasta el corte, meta 90 % al cierre del trimestre (R14, R24)."""
    return ctx.criterio(Horizonte.TRIMESTRE, ctx.parametros.meta_ec, razon=True)


def resultado(indicador: Indicador, parcial: Parcial, ambito: Ambito, ctx: Contexto) -> Resultado:
    """EC de un ámbito, con el contacto por tipo y medio (R14, R24)."""
    por_tipo = MapaFijo(
        {
            tipo.name: MapaFijo(
                {medio.name: parcial.frecuencias[tipo, medio] for medio in MedioContacto}
            )
            for tipo in TipoContacto
        }
    )
    detalle = {
        "por_tipo_y_medio": por_tipo,
        "fuera_de_cartera": parcial.cuenta("fuera_de_cartera"),
        "empresas_con_menos_de_3_contactos": tuple(sorted(parcial.lista("menos_de_3"))),
    }
    return ctx.evaluar(indicador, criterio(indicador, ambito, ctx), parcial, detalle)
