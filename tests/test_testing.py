"""Pruebas del kit de pruebas `sena_relacionamiento.testing`: constructores, estrategias de
hypothesis, afirmaciones sobre informes, importación sin hypothesis y el núcleo puro usado
desde varios hilos."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sena_relacionamiento.testing as kit
from sena_relacionamiento import (
    PARAMETROS_2012,
    REGIONALES,
    Ambiente,
    Asignacion,
    CarpetaCompartida,
    Contacto,
    ContratoAprendizaje,
    DatosSeguimiento,
    DependenciaFaltante,
    Destino,
    EmpresaCuota,
    Estado,
    Evento,
    Gestor,
    Informe,
    LogroSismeg,
    Parametros,
    Periodo,
    Regional,
    Relacionamiento,
    Rol,
    RolUsuario,
    Semaforo,
    ServicioUsado,
    Solicitud,
    Trimestre,
    Usuario,
    Vigencia,
    fecha_bogota,
    informe,
    regional,
)
from sena_relacionamiento._inmutable import MapaFijo
from sena_relacionamiento.testing import (
    afirmar_informe_consistente,
    afirmar_informes_iguales,
    un_conjunto_de_datos,
)
from sena_relacionamiento.testing import estrategias as e

AJUSTES = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

PERIODO = Periodo(2012, 3)


# Importación -----------------------------------------------------------------------------


def test_importar_el_paquete_no_importa_hypothesis_ni_el_kit() -> None:
    codigo = (
        "import sys, sena_relacionamiento; "
        "print('hypothesis' in sys.modules, 'sena_relacionamiento.testing' in sys.modules)"
    )
    salida = subprocess.run(
        [sys.executable, "-c", codigo], capture_output=True, text=True, check=True
    )
    assert salida.stdout.split() == ["False", "False"]


def test_sin_hypothesis_los_constructores_funcionan_y_las_estrategias_no(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "hypothesis", None)
    monkeypatch.setitem(sys.modules, "hypothesis.strategies", None)
    monkeypatch.delitem(sys.modules, "sena_relacionamiento.testing.estrategias")
    assert kit.un_gestor().id == "g1"
    with pytest.raises(DependenciaFaltante) as error:
        importlib.import_module("sena_relacionamiento.testing.estrategias")
    assert (error.value.paquete, error.value.extra) == ("hypothesis", "pruebas")
    assert "sena-relacionamiento[pruebas]" in str(error.value)
    with pytest.raises(DependenciaFaltante):
        kit.datos_seguimiento  # noqa: B018


def test_las_estrategias_se_piden_al_paquete() -> None:
    assert kit.estrategias is e
    assert kit.datos_seguimiento is e.datos_seguimiento
    with pytest.raises(AttributeError, match="no_existe"):
        kit.no_existe  # noqa: B018


def test_los_nombres_perezosos_son_los_de_estrategias() -> None:
    assert {*e.__all__, "estrategias"} == kit._ESTRATEGIAS
    assert not set(kit.__all__) & kit._ESTRATEGIAS


# Constructores ---------------------------------------------------------------------------

CONSTRUCTORES: list[tuple[Callable[..., Any], type[Any]]] = [
    (kit.un_gestor, Gestor),
    (kit.una_asignacion, Asignacion),
    (kit.un_contacto, Contacto),
    (kit.un_servicio_usado, ServicioUsado),
    (kit.una_solicitud, Solicitud),
    (kit.un_ambiente, Ambiente),
    (kit.un_contrato, ContratoAprendizaje),
    (kit.una_empresa_cuota, EmpresaCuota),
    (kit.un_evento, Evento),
    (kit.un_logro, LogroSismeg),
    (kit.un_usuario, Usuario),
]


@pytest.mark.parametrize(("constructor", "clase"), CONSTRUCTORES)
def test_cada_constructor_da_un_registro_valido_del_periodo(
    constructor: Callable[..., Any], clase: type[Any]
) -> None:
    registro = constructor()
    assert type(registro) is clase
    fecha = getattr(registro, "fecha", kit.FECHA)
    assert fecha in kit.PERIODO


def test_los_cambios_reemplazan_los_valores_por_defecto() -> None:
    assert kit.un_contacto(gestor="g9", fecha=date(2012, 1, 2)).gestor == "g9"
    assert kit.una_solicitud(gestor="g1").gestor == "g1"
    assert kit.un_evento(regional="Meta").regional == regional("Meta")
    assert kit.una_empresa_cuota(monetiza=True).monetiza
    assert kit.un_contrato(obligada=True, cuota_regulada=2).cuota_regulada == 2


def test_un_conjunto_de_datos_es_coherente_y_determinista() -> None:
    datos = un_conjunto_de_datos(
        regionales=("Huila", "Meta", "huila"), gestores_por_regional=3, empresas_por_gestor=2
    )
    assert datos == un_conjunto_de_datos(
        regionales=("Huila", "Meta"), gestores_por_regional=3, empresas_por_gestor=2
    )
    assert len(datos.gestores) == 6
    assert len(datos.asignaciones) == 12
    _afirmar_referencias(datos)
    assert datos.excluidos == ()
    inf = informe(datos, PERIODO)
    afirmar_informe_consistente(inf, datos)
    assert all(
        e.motivo in {"empresa no contactada por su gestor en el trimestre"}
        or "trimestre" in e.motivo
        or "servicio" in e.motivo
        or "mes" in e.motivo
        or "cuota" in e.motivo
        for e in inf.excluidos
    )


def test_un_conjunto_de_datos_sin_gestores() -> None:
    datos = un_conjunto_de_datos(gestores_por_regional=0, periodo=Periodo(2012, 12), semilla=7)
    assert datos.gestores == ()
    assert datos.asignaciones == ()
    assert all(s.gestor is None for s in datos.solicitudes)
    afirmar_informe_consistente(informe(datos, Periodo(2012, 12)), datos)


# Estrategias -----------------------------------------------------------------------------


def _afirmar_referencias(datos: DatosSeguimiento) -> None:
    """Las referencias de unos datos cuadran (lo que promete `datos_seguimiento`)."""
    gestores = {g.id: g for g in datos.gestores}
    assert len(gestores) == len(datos.gestores)
    duenos: dict[str, str] = {}
    for a in datos.asignaciones:
        assert a.gestor in gestores
        assert duenos.setdefault(a.nit, a.gestor) == a.gestor
    registros: list[Solicitud | Evento] = [*datos.solicitudes, *datos.eventos]
    for registro in registros:
        if registro.gestor is not None:
            assert gestores[registro.gestor].regional == registro.regional
    empresa: dict[str, tuple[Regional, bool, int]] = {}
    for c in datos.contratos:
        clave = (c.regional, c.obligada, c.cuota_regulada)
        assert empresa.setdefault(c.nit, clave) == clave
        if c.nit in duenos:
            assert gestores[duenos[c.nit]].regional == c.regional
    nits = [c.nit for c in datos.cuotas]
    assert len(nits) == len(set(nits))
    for cuota in datos.cuotas:
        assert cuota.gestor is None or cuota.gestor == duenos.get(cuota.nit)


@AJUSTES
@given(datos=e.datos_seguimiento())
def test_datos_seguimiento_tiene_referencias_que_cuadran(datos: DatosSeguimiento) -> None:
    _afirmar_referencias(datos)
    assert datos.excluidos == () or all(x.motivo == "asignación repetida" for x in datos.excluidos)


@AJUSTES
@given(
    datos=e.datos_seguimiento(
        regionales=["Huila", "41", REGIONALES[0]], max_gestores=6, con_huerfanos=True
    )
)
def test_datos_seguimiento_con_perillas(datos: DatosSeguimiento) -> None:
    assert {g.regional.codigo for g in datos.gestores} <= {"41", "05"}
    assert {s.regional.codigo for s in datos.solicitudes} <= {"41", "05"}
    assert len(datos.gestores) <= 6


@AJUSTES
@given(inf=e.informes(datos=e.datos_seguimiento(con_huerfanos=True)))
def test_informes_de_datos_con_huerfanos_son_consistentes(inf: Informe) -> None:
    afirmar_informe_consistente(inf)


@AJUSTES
@given(datos=e.datos_seguimiento(periodo=Periodo(2012, 12), max_registros=10))
def test_informe_consistente_y_nada_se_pierde(datos: DatosSeguimiento) -> None:
    inf = informe(datos, Periodo(2012, 12))
    afirmar_informe_consistente(inf, datos)
    assert inf.nacional.ec.denominador == sum(
        1 for a in {a.nit for a in datos.asignaciones if a.gestor in datos.indice.gestores}
    )


@pytest.fixture(scope="module")
def registradas() -> None:
    e.registrar_estrategias()
    e.registrar_estrategias()  # idempotente


TIPOS: list[type[Any]] = [
    Regional,
    Periodo,
    Trimestre,
    Vigencia,
    Parametros,
    Gestor,
    Asignacion,
    Contacto,
    ServicioUsado,
    Solicitud,
    Ambiente,
    ContratoAprendizaje,
    EmpresaCuota,
    Evento,
    LogroSismeg,
    Usuario,
    CarpetaCompartida,
    Destino,
    Relacionamiento,
    DatosSeguimiento,
    Informe,
]


def test_el_punto_de_entrada_de_hypothesis_registra_las_estrategias(tmp_path: Path) -> None:
    """Simula el paquete instalado con el punto de entrada que pyproject declara: al importar
    hypothesis, ``st.from_type(Contacto)`` ya funciona sin importar nada del kit."""
    info = tmp_path / "sena_kit-0.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: sena-kit\nVersion: 0.0\n")
    (info / "entry_points.txt").write_text(
        "[hypothesis]\n"
        "sena_relacionamiento = "
        "sena_relacionamiento.testing._punto_de_entrada:registrar\n"
    )
    codigo = (
        "import warnings; warnings.simplefilter('ignore')\n"
        "from hypothesis import strategies as st\n"
        "from sena_relacionamiento import Contacto, DatosSeguimiento\n"
        "from hypothesis.strategies._internal.types import _global_type_lookup as tipos\n"
        "print(Contacto in tipos, DatosSeguimiento in tipos,"
        " type(st.from_type(Contacto).example()).__name__,"
        " type(st.from_type(DatosSeguimiento).example()).__name__)\n"
    )
    entorno = {**os.environ, "PYTHONPATH": str(tmp_path)}
    entorno.pop("HYPOTHESIS_NO_PLUGINS", None)
    salida = subprocess.run(
        [sys.executable, "-c", codigo], capture_output=True, text=True, check=True, env=entorno
    )
    assert salida.stdout.split() == ["True", "True", "Contacto", "DatosSeguimiento"]


def test_el_punto_de_entrada_registra_estrategias_que_se_arman_al_pedirlas() -> None:
    from sena_relacionamiento.testing import _punto_de_entrada

    _punto_de_entrada.registrar()
    assert {tipo for tipo, _ in _punto_de_entrada.FABRICAS} == set(TIPOS)

    @settings(max_examples=3, deadline=None, database=None)
    @given(valor=st.from_type(Contacto))
    def prueba(valor: Any) -> None:
        assert isinstance(valor, Contacto)

    prueba()


def test_importar_las_estrategias_antes_que_hypothesis_no_es_circular() -> None:
    """En un intérprete nuevo, ``import sena_relacionamiento.testing.estrategias`` importa
    hypothesis, que llama al punto de entrada del paquete instalado mientras el módulo está a
    medio importar: el punto de entrada no debe pedirle nada todavía."""
    codigo = (
        "import warnings; warnings.simplefilter('ignore')\n"
        "from sena_relacionamiento.testing import estrategias\n"
        "from hypothesis import strategies as st\n"
        "from sena_relacionamiento import Contacto\n"
        "print(type(st.from_type(Contacto).example()).__name__,"
        " type(estrategias.contactos().example()).__name__)\n"
    )
    entorno = {k: v for k, v in os.environ.items() if k != "HYPOTHESIS_NO_PLUGINS"}
    salida = subprocess.run(
        [sys.executable, "-c", codigo], capture_output=True, text=True, check=True, env=entorno
    )
    assert salida.stdout.split() == ["Contacto", "Contacto"]


@pytest.mark.parametrize("tipo", TIPOS, ids=lambda t: t.__name__)
def test_from_type_funciona_para_cada_tipo_publico(registradas: None, tipo: type[Any]) -> None:
    @settings(max_examples=5, deadline=None, database=None)
    @given(valor=st.from_type(tipo))
    def prueba(valor: Any) -> None:
        assert isinstance(valor, tipo)

    prueba()


@AJUSTES
@given(
    p=e.periodos(dia_corte=None),
    t=e.trimestres(anio=2012),
    v=e.vigencias(dia_corte=20),
    parametros=e.parametros(),
)
def test_lapsos_y_parametros(p: Periodo, t: Trimestre, v: Vigencia, parametros: Parametros) -> None:
    assert 1990 <= p.anio <= 2100
    assert 1 <= p.dia_corte <= 28
    assert t.anio == 2012
    assert t.dia_corte == 25
    assert v.dia_corte == 20
    assert parametros.umbral_amarillo <= parametros.umbral_verde
    assert (
        attrs.evolve(
            parametros, dia_corte=25, umbral_verde=Decimal("0.90"), umbral_amarillo=Decimal("0.70")
        )
        == PARAMETROS_2012
    )


@AJUSTES
@given(
    fecha=e.fechas(con_hora=True, inicio=date(2012, 3, 1), fin=date(2012, 3, 31)),
    nit=e.nits(),
    simple=e.nits(formatos=False),
    monto=e.montos(),
)
def test_fechas_nits_y_montos(fecha: Any, nit: Any, simple: Any, monto: Any) -> None:
    assert date(2012, 3, 1) <= fecha_bogota(fecha) <= date(2012, 3, 31)
    if isinstance(fecha, datetime) and fecha.tzinfo is not None:
        assert fecha.utcoffset() is not None
    assert (
        kit.una_asignacion(nit=nit).nit
        == kit.una_asignacion(nit=str(nit).split("-")[0].replace(".", "")).nit
    )
    assert isinstance(simple, str)
    assert simple.isdigit()
    assert monto >= 0


@AJUSTES
@given(
    gestor=e.gestores(rol=st.just(Rol.ESTRATEGICO)),
    solicitud=e.solicitudes(),
    cuota=e.empresas_cuota(),
    usuario=e.usuarios(rol=st.just(RolUsuario.GESTOR)),
    contrato=e.contratos(),
)
def test_registros_sueltos(
    gestor: Gestor,
    solicitud: Solicitud,
    cuota: EmpresaCuota,
    usuario: Usuario,
    contrato: ContratoAprendizaje,
) -> None:
    assert gestor.rol is Rol.ESTRATEGICO
    assert gestor.id.startswith("g")
    assert solicitud.fecha_gestion is None or solicitud.fecha_gestion >= solicitud.fecha
    assert not cuota.monetiza or cuota.cuota_regulada > 0
    assert usuario.regional is not None
    assert contrato.obligada or contrato.cuota_regulada == 0


# Afirmaciones ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def datos() -> DatosSeguimiento:
    return un_conjunto_de_datos(regionales=("Huila", "Meta"), gestores_por_regional=2)


@pytest.fixture(scope="module")
def inf(datos: DatosSeguimiento) -> Informe:
    return informe(datos, PERIODO)


def _cambiar(inf: Informe, ambito: str, clave: str, campo: str, **cambios: Any) -> Informe:
    """Una copia del informe con un resultado alterado."""
    if ambito == "nacional":
        tablero = inf.nacional
    elif ambito == "regional":
        tablero = inf.regionales[clave]
    else:
        tablero = inf.gestores[clave]
    nuevo = attrs.evolve(tablero, **{campo: attrs.evolve(getattr(tablero, campo), **cambios)})
    if ambito == "nacional":
        return attrs.evolve(inf, nacional=nuevo)
    if ambito == "regional":
        return attrs.evolve(inf, regionales=MapaFijo({**inf.regionales, clave: nuevo}))
    return attrs.evolve(inf, gestores=MapaFijo({**inf.gestores, clave: nuevo}))


def test_un_informe_real_es_consistente(inf: Informe, datos: DatosSeguimiento) -> None:
    afirmar_informe_consistente(inf)
    afirmar_informe_consistente(inf, datos)


def test_afirmar_consistente_rechaza_lo_que_no_es_informe(inf: Informe) -> None:
    with pytest.raises(AssertionError, match="se esperaba un Informe"):
        afirmar_informe_consistente("informe")  # type: ignore[arg-type]
    with pytest.raises(AssertionError, match="se esperaba un DatosSeguimiento"):
        afirmar_informe_consistente(inf, [])  # type: ignore[arg-type]


def _falla(inf: Informe, patron: str, datos: DatosSeguimiento | None = None) -> None:
    with pytest.raises(AssertionError, match=patron):
        afirmar_informe_consistente(inf, datos)


def test_detecta_nacion_distinta_de_la_suma(inf: Informe) -> None:
    malo = _cambiar(
        inf,
        "nacional",
        "CO",
        "af",
        numerador=inf.nacional.af.numerador + 1,
        valor=inf.nacional.af.numerador + 1,
    )
    _falla(malo, r"nacional, AF: numerador = \d+, pero la suma de sus partes es \d+")


def test_detecta_regional_menor_que_sus_gestores(inf: Informe, datos: DatosSeguimiento) -> None:
    gestor = datos.gestores[0]
    r = inf.regionales[gestor.regional.codigo].pe
    malo = _cambiar(
        inf, "gestor", gestor.id, "pe", numerador=r.numerador + 5, valor=r.numerador + 5
    )
    _falla(malo, "es menor que la suma de sus gestores", datos)


def test_detecta_gestor_sin_tablero(inf: Informe, datos: DatosSeguimiento) -> None:
    otros = attrs.evolve(datos, gestores=[*datos.gestores, kit.un_gestor(id="nuevo")])
    _falla(inf, "el gestor 'nuevo' de los datos no tiene tablero", otros)


def test_detecta_regional_menor_que_sus_gestores_sin_datos(inf: Informe) -> None:
    """La regional de cada gestor sale de su tablero: no hace falta pasar los datos."""
    gestor = next(iter(inf.gestores.values()))
    assert gestor.regional is not None
    r = inf.regionales[gestor.regional.codigo].pe
    malo = _cambiar(
        inf, "gestor", gestor.clave, "pe", numerador=r.numerador + 5, valor=r.numerador + 5
    )
    _falla(malo, "es menor que la suma de sus gestores")


def test_detecta_tablero_de_gestor_sin_regional(inf: Informe) -> None:
    clave, tablero = next(iter(inf.gestores.items()))
    gestores = {**inf.gestores, clave: attrs.evolve(tablero, regional=None)}
    malo = attrs.evolve(inf, gestores=MapaFijo(gestores))
    _falla(malo, f"el tablero del gestor {clave!r} no dice su regional")


def test_detecta_indicador_en_el_campo_equivocado(inf: Informe) -> None:
    n = inf.nacional
    malo = attrs.evolve(inf, nacional=attrs.evolve(n, af=n.pe, pe=n.af))
    _falla(malo, "af trae PE")


def test_detecta_ventana_que_no_termina_en_el_corte(inf: Informe) -> None:
    malo = _cambiar(inf, "nacional", "CO", "af", fin=date(2012, 3, 24))
    _falla(malo, "no termina en el corte")


def test_detecta_sin_datos_con_valor(inf: Informe) -> None:
    malo = _cambiar(inf, "nacional", "CO", "ec", estado=Estado.SIN_DATOS, semaforo=None)
    _falla(malo, "estado SIN_DATOS con valor")


def test_detecta_semaforo_sin_meta(inf: Informe) -> None:
    malo = _cambiar(inf, "nacional", "CO", "af", semaforo=Semaforo.VERDE)
    _falla(malo, "con semáforo")


def test_detecta_meta_incoherente(inf: Informe) -> None:
    malo = _cambiar(inf, "nacional", "CO", "af", meta=3)
    _falla(malo, "estado SIN_META con meta 3")
    malo = _cambiar(inf, "nacional", "CO", "ec", meta=None)
    _falla(malo, "con meta None")


def test_detecta_terminos_invalidos(inf: Informe) -> None:
    malo = _cambiar(inf, "nacional", "CO", "ep", denominador=None)
    _falla(malo, "términos inválidos")
    malo = _cambiar(inf, "nacional", "CO", "ep", numerador=-1)
    _falla(malo, "términos inválidos")


def test_detecta_denominador_cero_sin_sin_datos(inf: Informe) -> None:
    region = inf.regionales["05"]
    assert region.ec.denominador == 0
    malo = _cambiar(inf, "regional", "05", "ec", estado=Estado.EN_CURSO)
    _falla(malo, "denominador 0 con estado EN_CURSO")


def test_detecta_proporcion_mayor_que_uno(inf: Informe) -> None:
    ec = inf.nacional.ec
    assert ec.denominador
    malo = _cambiar(
        inf,
        "nacional",
        "CO",
        "ec",
        numerador=ec.denominador + 1,
        valor=Decimal(ec.denominador + 1) / ec.denominador,
    )
    _falla(malo, "supera al denominador")


def test_detecta_valor_que_no_es_la_razon(inf: Informe) -> None:
    malo = _cambiar(inf, "nacional", "CO", "ec", valor=Decimal("0.123"))
    _falla(malo, "no es")


def test_detecta_conteo_mal_formado(inf: Informe) -> None:
    malo = _cambiar(inf, "nacional", "CO", "af", denominador=3)
    _falla(malo, "un conteo debe tener valor = numerador")
    malo = _cambiar(inf, "nacional", "CO", "af", numerador=-2, valor=-2)
    _falla(malo, "conteo negativo")


def test_detecta_estado_que_no_cuadra_con_la_meta(inf: Informe) -> None:
    malo = _cambiar(
        inf, "nacional", "CO", "eg", estado=Estado.CUMPLE, valor=Decimal(0), numerador=0
    )
    _falla(malo, "estado CUMPLE con valor 0")
    malo = _cambiar(
        inf,
        "nacional",
        "CO",
        "em",
        estado=Estado.NO_CUMPLE,
        semaforo=Semaforo.VERDE,
        valor=Decimal(0),
        numerador=0,
    )
    _falla(malo, "estado NO_CUMPLE")


def test_detecta_semaforo_del_techo(inf: Informe) -> None:
    em = inf.nacional.em
    assert em.valor is not None
    assert em.meta is not None
    assert em.valor <= em.meta
    malo = _cambiar(inf, "nacional", "CO", "em", semaforo=Semaforo.ROJO)
    _falla(malo, "semáforo Rojo con valor")


def test_recorta_la_lista_de_problemas(inf: Informe) -> None:
    regionales = MapaFijo(
        {
            c: attrs.evolve(t, af=attrs.evolve(t.af, fin=date(2000, 1, 1)))
            for c, t in inf.regionales.items()
        }
    )
    with pytest.raises(AssertionError, match=r"y 13 problemas más"):
        afirmar_informe_consistente(attrs.evolve(inf, regionales=regionales))


def test_informes_iguales(inf: Informe, datos: DatosSeguimiento) -> None:
    afirmar_informes_iguales(inf, informe(datos, PERIODO))


def test_informes_distintos_dicen_que_cambia(inf: Informe) -> None:
    malo = _cambiar(inf, "nacional", "CO", "af", numerador=99, valor=99)
    with pytest.raises(AssertionError) as error:
        afirmar_informes_iguales(inf, malo)
    mensaje = str(error.value)
    assert mensaje.startswith("los informes difieren en 1 filas:")
    assert "nacional CO AF: numerador: " in mensaje
    assert "≠ 99" in mensaje


def test_informes_con_filas_de_un_solo_lado(inf: Informe) -> None:
    otros = un_conjunto_de_datos(regionales=("Huila", "Meta"), gestores_por_regional=3)
    with pytest.raises(AssertionError) as error:
        afirmar_informes_iguales(inf, informe(otros, PERIODO))
    assert "gestor 41-g3 AF: solo está en el segundo" in str(error.value)
    with pytest.raises(AssertionError) as error:
        afirmar_informes_iguales(informe(otros, PERIODO), inf)
    assert "solo está en el primero" in str(error.value)
    assert "diferencias más" in str(error.value)


def test_informes_de_otro_periodo_o_con_otros_excluidos(datos: DatosSeguimiento) -> None:
    a = informe(datos, Periodo(2012, 4))
    with pytest.raises(AssertionError, match="periodo: 2012-04 ≠ 2012-05"):
        afirmar_informes_iguales(a, informe(datos, Periodo(2012, 5)))
    huerfano = attrs.evolve(datos, logros=[*datos.logros, kit.un_logro(gestor="nadie")])
    with pytest.raises(AssertionError, match="excluidos por motivo"):
        afirmar_informes_iguales(a, informe(huerfano, Periodo(2012, 4)))


def test_informes_iguales_rechaza_lo_que_no_es_informe(inf: Informe) -> None:
    with pytest.raises(AssertionError, match="el primero no es un Informe"):
        afirmar_informes_iguales(None, inf)  # type: ignore[arg-type]
    with pytest.raises(AssertionError, match="el segundo no es un Informe: se recibió dict"):
        afirmar_informes_iguales(inf, {})  # type: ignore[arg-type]


# Garantías del núcleo puro ---------------------------------------------------------------


def test_informe_desde_varios_hilos_da_lo_mismo() -> None:
    """Seguridad entre hilos del núcleo puro: el mismo `DatosSeguimiento` (inmutable, sin
    estado global) da el mismo informe calculado en ocho hilos a la vez."""
    datos = un_conjunto_de_datos(
        regionales=("Huila", "Meta", "Antioquia", "Valle"), gestores_por_regional=4, semilla=11
    )
    referencia = informe(datos, PERIODO)
    with ThreadPoolExecutor(max_workers=8) as hilos:
        resultados = list(hilos.map(lambda _: informe(datos, PERIODO), range(32)))
    for otro in resultados:
        afirmar_informes_iguales(referencia, otro)
        assert otro.excluidos == referencia.excluidos
        assert otro.nacional == referencia.nacional


def test_sin_estado_global_el_orden_de_los_informes_no_importa() -> None:
    """Calcular otros informes antes no cambia el de un periodo (no hay caché ni estado
    global que se filtre de una llamada a otra)."""
    datos = un_conjunto_de_datos(semilla=5)
    primero = informe(datos, PERIODO)
    for mes in (1, 12, 6):
        informe(datos, Periodo(2012, mes))
    informe(un_conjunto_de_datos(semilla=6), PERIODO)
    afirmar_informes_iguales(primero, informe(datos, PERIODO))
