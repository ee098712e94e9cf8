"""EM: empresas que monetizan (R20): los casos trabajados, por las dos vías.

La vía por registros es `indicadores/em.py`; su gemelo por columnas, `tablas/em.py`.

Cada caso está calculado a mano en el comentario o en el nombre de la prueba: las cifras
esperadas no salen del código que se prueba. Cada caso que arma un informe corre por las dos
vías (fixture `via`, tests/_vias.py): `informe()` sobre registros y `informe_tabular` sobre
tablas polars. Periodos de 2012 con corte 25 (R8–R9): marzo va del 2012-02-26 al 2012-03-25 y
su trimestre (T1) del 2011-12-26 al 2012-03-25; junio va del 2012-05-26 al 2012-06-25 y su
trimestre (T2) del 2012-03-26 al 2012-06-25; la vigencia va del 2011-12-26 al 2012-12-25.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from _constructores import (
    EVA,
    PEPE,
    asignar,
    nits,
)
from _constructores import (
    motivos as _motivos,
)
from _vias import Via

from sena_relacionamiento import (
    EmpresaCuota,
    Estado,
    Motivo,
    Periodo,
    Semaforo,
)
from sena_relacionamiento.informe import Informe


def _informe_em(via: Via, monetizan: int, mes: int = 3) -> Informe:
    empresas = nits(100, 400)
    cuotas = [
        EmpresaCuota(nit=nit, cuota_regulada=2, monetiza=i < monetizan)
        for i, nit in enumerate(empresas)
    ]
    excluidas = [
        EmpresaCuota(nit="800000999", cuota_regulada=1, monetiza=True),  # sin asignar
        EmpresaCuota(nit="999", cuota_regulada=0, monetiza=False),  # de pepe, sin cuota
    ]
    return via.informe_de(
        [EVA, PEPE],
        asignar("eva", empresas) + asignar("pepe", ["999"]),
        cuotas=cuotas + excluidas,
        mes=mes,
    )


@pytest.mark.parametrize("mes", [1, 3, 12])
def test_r20_seis_de_cien_es_exactamente_el_techo_y_cumple(via: Via, mes: int) -> None:
    em = _informe_em(via, 6, mes).gestor("eva").em
    assert (em.numerador, em.denominador, em.valor) == (6, 100, Decimal("0.06"))
    assert em.meta == Decimal("0.06")
    assert (em.estado, em.semaforo) == (Estado.CUMPLE, Semaforo.VERDE)
    corte = Periodo(2012, mes).fin
    assert em.inicio == em.fin == corte


def test_r20_siete_de_cien_supera_el_techo_y_es_rojo(via: Via) -> None:
    em = _informe_em(via, 7).regional("Antioquia").em
    assert (em.numerador, em.denominador, em.valor) == (7, 100, Decimal("0.07"))
    assert (em.estado, em.semaforo) == (Estado.NO_CUMPLE, Semaforo.ROJO)


def test_r20_ninguna_monetiza_es_verde(via: Via) -> None:
    em = _informe_em(via, 0).nacional.em
    assert (em.valor, em.estado, em.semaforo) == (Decimal(0), Estado.CUMPLE, Semaforo.VERDE)


def test_r20_tope_publicado_de_la_regional_y_la_nacion(via: Via) -> None:
    inf = _informe_em(via, 6)
    assert inf.regional("Antioquia").em.detalle["tope_publicado"] == 155
    assert inf.regional("Distrito Capital").em.detalle["tope_publicado"] == 1050
    assert inf.nacional.em.detalle["tope_publicado"] == 1529
    assert inf.gestor("eva").em.detalle["tope_publicado"] is None
    assert inf.rol("Estratégico").em.detalle["tope_publicado"] is None
    assert (inf.nacional.em.numerador, inf.nacional.em.denominador) == (6, 100)
    assert inf.rol("Empresarial").em.estado is Estado.SIN_DATOS
    assert inf.gestor("pepe").em.valor is None


def test_r20_exclusiones_de_em(via: Via) -> None:
    motivos = Counter((r.nit, m) for r, m in _motivos(_informe_em(via, 6), EmpresaCuota))
    assert motivos == Counter(
        [("800000999", Motivo.EMPRESA_NO_ASIGNADA), ("999", Motivo.SIN_CUOTA)]
    )
