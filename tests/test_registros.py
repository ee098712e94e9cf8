"""Registros de entrada y su revisión cruzada en `DatosSeguimiento`.

Cada registro se valida al construirse y el error nombra el campo (R5, R11, API «Records»);
`DatosSeguimiento` rechaza los registros que se contradicen (`RegistroInconsistente`, R14,
R17, R19–R21) y excluye, sin error, las asignaciones de gestores desconocidos o repetidas
(R14, R23).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import attrs
import pytest
from _constructores import asignar, datos, gestor, nits

from sena_relacionamiento import (
    Ambiente,
    Asignacion,
    Contacto,
    ContratoAprendizaje,
    DatoInvalido,
    DatosSeguimiento,
    EmpresaCuota,
    EnumSena,
    Evento,
    Exclusion,
    Gestor,
    LogroSismeg,
    MedioContacto,
    Motivo,
    RegionalDesconocida,
    RegistroInconsistente,
    Rol,
    ServicioUsado,
    Solicitud,
    TipoContacto,
    normalizar_nit,
    regional,
)

DIA = date(2012, 3, 1)
# 2012-03-26 03:00 UTC es 2012-03-25 22:00 en Bogotá (R11).
UTC_MADRUGADA = datetime(2012, 3, 26, 3, 0, tzinfo=UTC)
BOGOTA_DIA_ANTERIOR = date(2012, 3, 25)
HUILA = regional("Huila")


def _contacto(**cambios: Any) -> Contacto:
    campos: dict[str, Any] = {
        "gestor": "g1",
        "nit": "900123456",
        "fecha": DIA,
        "tipo": "nuevo",
        "medio": "visita",
    }
    return Contacto(**{**campos, **cambios})


def _solicitud(**cambios: Any) -> Solicitud:
    campos: dict[str, Any] = {
        "id": "s1",
        "fecha": DIA,
        "servicio": "Formación titulada",
        "regional": "Huila",
    }
    return Solicitud(**{**campos, **cambios})


def _ambiente(**cambios: Any) -> Ambiente:
    campos: dict[str, Any] = {"gestor": "g1", "fecha": DIA, "valor": 1_000_000}
    return Ambiente(**{**campos, **cambios})


def _contrato(**cambios: Any) -> ContratoAprendizaje:
    campos: dict[str, Any] = {
        "nit": "900123456",
        "regional": "Huila",
        "fecha": DIA,
        "obligada": False,
    }
    return ContratoAprendizaje(**{**campos, **cambios})


def _cuota(**cambios: Any) -> EmpresaCuota:
    campos: dict[str, Any] = {"nit": "900123456", "cuota_regulada": 2, "monetiza": False}
    return EmpresaCuota(**{**campos, **cambios})


def _evento(**cambios: Any) -> Evento:
    campos: dict[str, Any] = {
        "regional": "Huila",
        "fecha": DIA,
        "asistentes": 10,
        "razon": "Feria de empleo",
    }
    return Evento(**{**campos, **cambios})


def _logro(**cambios: Any) -> LogroSismeg:
    campos: dict[str, Any] = {"gestor": "g1", "fecha": DIA}
    return LogroSismeg(**{**campos, **cambios})


def _servicio(**cambios: Any) -> ServicioUsado:
    campos: dict[str, Any] = {"nit": "900123456", "fecha": DIA, "servicio": "Formación"}
    return ServicioUsado(**{**campos, **cambios})


Constructor = Callable[..., Any]

CON_FECHA: list[Constructor] = [
    _contacto,
    _solicitud,
    _ambiente,
    _contrato,
    _evento,
    _logro,
    _servicio,
]


def _campo_invalido(construir: Constructor, campo: str, valor: object) -> DatoInvalido:
    with pytest.raises(DatoInvalido) as error:
        construir(**{campo: valor})
    assert error.value.campo == campo, str(error.value)
    return error.value


# --- Fechas (R11) ------------------------------------------------------------------------


@pytest.mark.parametrize("construir", CON_FECHA)
def test_r11_una_date_se_guarda_tal_cual(construir: Constructor) -> None:
    assert construir(fecha=date(2012, 12, 31)).fecha == date(2012, 12, 31)


@pytest.mark.parametrize("construir", CON_FECHA)
def test_r11_datetime_ingenuo_es_hora_de_bogota(construir: Constructor) -> None:
    registro = construir(fecha=datetime(2012, 3, 25, 23, 59))
    assert registro.fecha == date(2012, 3, 25)
    assert type(registro.fecha) is date


@pytest.mark.parametrize("construir", CON_FECHA)
def test_r11_datetime_utc_cae_el_dia_anterior_en_bogota(construir: Constructor) -> None:
    registro = construir(fecha=UTC_MADRUGADA)
    assert registro.fecha == BOGOTA_DIA_ANTERIOR
    assert type(registro.fecha) is date


@pytest.mark.parametrize("construir", CON_FECHA)
def test_r11_datetime_con_otra_zona_se_convierte_a_bogota(construir: Constructor) -> None:
    tokio = timezone(timedelta(hours=9))
    # 2012-03-26 09:00 en UTC+9 es 2012-03-25 19:00 en Bogotá.
    assert construir(fecha=datetime(2012, 3, 26, 9, 0, tzinfo=tokio)).fecha == date(2012, 3, 25)


@pytest.mark.parametrize("construir", CON_FECHA)
@pytest.mark.parametrize("valor", ["2012-03-01", None, 20120301, 1.5])
def test_r11_una_fecha_que_no_es_date_es_dato_invalido(
    construir: Constructor, valor: object
) -> None:
    _campo_invalido(construir, "fecha", valor)


def test_r11_fecha_gestion_utc_tambien_se_lee_en_bogota() -> None:
    solicitud = _solicitud(fecha=date(2012, 3, 25), fecha_gestion=UTC_MADRUGADA)
    assert solicitud.fecha_gestion == BOGOTA_DIA_ANTERIOR


def test_r11_fecha_gestion_que_no_es_fecha_nombra_su_campo() -> None:
    _campo_invalido(_solicitud, "fecha_gestion", "2012-03-02")


# --- Conteos y dinero (R5) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("construir", "campo"),
    [
        (_evento, "asistentes"),
        (_logro, "formados"),
        (_logro, "empleos"),
        (_contrato, "cuota_regulada"),
        (_cuota, "cuota_regulada"),
        (_ambiente, "cantidad"),
    ],
)
@pytest.mark.parametrize("valor", [-1, True, 2.0, "3", None, Decimal(3)])
def test_los_conteos_son_enteros_no_negativos(
    construir: Constructor, campo: str, valor: object
) -> None:
    _campo_invalido(construir, campo, valor)


def test_los_conteos_aceptan_cero_y_enteros() -> None:
    assert _evento(asistentes=0).asistentes == 0
    assert _logro(formados=0, empleos=7).empleos == 7
    assert _logro().formados == 0
    assert _contrato(cuota_regulada=0).cuota_regulada == 0
    assert _contrato().cuota_regulada == 0


def test_r18_un_ambiente_es_al_menos_uno() -> None:
    assert _ambiente().cantidad == 1
    assert _ambiente(cantidad=3).cantidad == 3
    error = _campo_invalido(_ambiente, "cantidad", 0)
    assert "mayor o igual que 1" in str(error)


@pytest.mark.parametrize(
    "valor", [-1, Decimal("-0.01"), 2.5, True, "1.000.000", None, Decimal("NaN")]
)
def test_r5_el_valor_de_un_ambiente_son_pesos_exactos(valor: object) -> None:
    _campo_invalido(_ambiente, "valor", valor)


@pytest.mark.parametrize("valor", [0, 150_000_000, Decimal("1500000.50")])
def test_r5_pesos_int_o_decimal_se_guardan_igual(valor: int | Decimal) -> None:
    guardado = _ambiente(valor=valor).valor
    assert guardado == valor
    assert type(guardado) is type(valor)


# --- Enumeraciones -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("valor", "esperado"),
    [
        (TipoContacto.NUEVO, TipoContacto.NUEVO),
        ("NUEVO", TipoContacto.NUEVO),
        ("nuevo", TipoContacto.NUEVO),
        ("Mantenimiento", TipoContacto.MANTENIMIENTO),
        ("  MANTENIMIENTO ", TipoContacto.MANTENIMIENTO),
    ],
)
def test_tipo_de_contacto_por_miembro_nombre_o_etiqueta(
    valor: object, esperado: TipoContacto
) -> None:
    assert _contacto(tipo=valor).tipo is esperado


@pytest.mark.parametrize("valor", ["Telefónico", "telefonico", "TELEFÓNICO", "TELEFONICO"])
def test_medio_de_contacto_sin_importar_mayusculas_ni_tildes(valor: str) -> None:
    assert _contacto(medio=valor).medio is MedioContacto.TELEFONICO


@pytest.mark.parametrize("valor", ["Estratégico", "estrategico", "ESTRATEGICO", Rol.ESTRATEGICO])
def test_rol_del_gestor_por_miembro_nombre_o_etiqueta(valor: object) -> None:
    assert Gestor(id="g1", rol=valor, regional="Huila").rol is Rol.ESTRATEGICO


@pytest.mark.parametrize(
    ("construir", "campo", "valor"),
    [
        (_contacto, "tipo", "correo"),
        (_contacto, "tipo", 1),
        (_contacto, "tipo", MedioContacto.VISITA),
        (_contacto, "medio", "correo"),
        (_contacto, "medio", None),
    ],
)
def test_un_enum_desconocido_nombra_su_campo(
    construir: Constructor, campo: str, valor: object
) -> None:
    _campo_invalido(construir, campo, valor)


def test_un_rol_desconocido_nombra_su_campo() -> None:
    with pytest.raises(DatoInvalido) as error:
        Gestor(id="g1", rol="coordinador", regional="Huila")
    assert error.value.campo == "rol"


# --- NIT ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("valor", "esperado"),
    [
        ("900.123.456-8", "900123456"),
        ("900123456-8", "900123456"),
        (900123456, "900123456"),
        ("0900123456", "900123456"),
        (" 900 123 456 ", "900123456"),
        ("900.123.456", "900123456"),
    ],
)
def test_nit_se_normaliza_al_numero_base(valor: str | int, esperado: str) -> None:
    assert normalizar_nit(valor) == esperado
    assert _contacto(nit=valor).nit == esperado


@pytest.mark.parametrize(
    "valor",
    [
        "-1",
        -1,
        "",
        "   ",
        "0",
        0,
        "000.000.000",
        "000-0",
        "80O123456",  # una O en lugar de un cero
        "abc",
        True,
        False,
        900123456.0,
        Decimal(900123456),
        None,
        "900123456-",
        "900123456-12",
        "900-123-456",
        "9" * 16,
        "²",  # isdigit() dice que sí, pero no es un dígito ASCII
        "١٢٣",  # dígitos arábigo-índicos
        "²-1",
    ],
)
def test_nit_invalido_es_dato_invalido_que_nombra_el_campo(valor: object) -> None:
    with pytest.raises(DatoInvalido) as error:
        normalizar_nit(valor)
    assert error.value.campo == "nit"
    _campo_invalido(_contacto, "nit", valor)


def test_nit_con_digito_de_verificacion_equivocado_dice_el_correcto() -> None:
    with pytest.raises(DatoInvalido, match="para 900123456 es 8"):
        normalizar_nit("900.123.456-1")


def test_nit_nombra_el_campo_que_se_le_indica() -> None:
    with pytest.raises(DatoInvalido) as error:
        normalizar_nit("x", campo="empresa")
    assert error.value.campo == "empresa"


@pytest.mark.parametrize(
    "construir", [_contacto, _servicio, _contrato, _cuota, lambda **k: Asignacion(gestor="g", **k)]
)
def test_todos_los_registros_con_nit_lo_normalizan(construir: Constructor) -> None:
    assert construir(nit="900.123.456-8").nit == "900123456"
    _campo_invalido(construir, "nit", "900.123.456-1")


def test_el_nit_de_una_solicitud_es_opcional() -> None:
    assert _solicitud().nit is None
    assert _solicitud(nit=900123456).nit == "900123456"
    _campo_invalido(_solicitud, "nit", "-1")


# --- Gestores, regionales y textos -------------------------------------------------------


def test_un_gestor_dado_como_gestor_se_reduce_a_su_id() -> None:
    g = Gestor(id="ana", rol="Empresarial", regional="Huila")
    assert Asignacion(gestor=g, nit=1).gestor == "ana"
    assert _contacto(gestor=g).gestor == "ana"
    assert _solicitud(gestor=g).gestor == "ana"
    assert _cuota(gestor=g).gestor == "ana"


def test_el_id_del_gestor_quita_espacios_sobrantes() -> None:
    assert Gestor(id="  ana  maría ", rol="Empresarial", regional="Huila").id == "ana maría"
    assert _contacto(gestor=" ana ").gestor == "ana"


@pytest.mark.parametrize(
    ("construir", "campo"),
    [
        (_contacto, "gestor"),
        (_ambiente, "gestor"),
        (_logro, "gestor"),
        (lambda **k: Asignacion(nit=1, **k), "gestor"),
    ],
)
@pytest.mark.parametrize("valor", ["", "   ", 5, None])
def test_un_gestor_obligatorio_es_texto_no_vacio(
    construir: Constructor, campo: str, valor: object
) -> None:
    _campo_invalido(construir, campo, valor)


@pytest.mark.parametrize("construir", [_servicio, _solicitud, _cuota, _evento])
def test_el_gestor_opcional_es_none_o_texto(construir: Constructor) -> None:
    assert construir().gestor is None
    assert construir(gestor="ana").gestor == "ana"
    _campo_invalido(construir, "gestor", "")
    _campo_invalido(construir, "gestor", 7)


@pytest.mark.parametrize(
    ("construir", "campo"),
    [
        (_solicitud, "servicio"),
        (_servicio, "servicio"),
        (_solicitud, "id"),
        (_evento, "razon"),
        (lambda **k: Gestor(rol="Empresarial", regional="Huila", **k), "id"),
    ],
)
@pytest.mark.parametrize("valor", ["", "  ", None, 3])
def test_los_textos_son_no_vacios(construir: Constructor, campo: str, valor: object) -> None:
    _campo_invalido(construir, campo, valor)


@pytest.mark.parametrize(
    "construir",
    [_solicitud, _contrato, _evento, lambda **k: Gestor(id="g", rol="Empresarial", **k)],
)
def test_r2_la_regional_acepta_lo_que_acepta_regional(construir: Constructor) -> None:
    assert construir(regional="Bogotá").regional == regional("11")
    assert construir(regional=41).regional is HUILA
    assert construir(regional="5").regional == regional("Antioquia")
    assert construir(regional=HUILA).regional is HUILA
    _campo_invalido(construir, "regional", None)
    _campo_invalido(construir, "regional", 1.5)
    with pytest.raises(RegionalDesconocida):
        construir(regional="Boyara")


@pytest.mark.parametrize(("construir", "campo"), [(_contrato, "obligada"), (_cuota, "monetiza")])
@pytest.mark.parametrize("valor", [1, 0, "sí", None])
def test_los_booleanos_son_true_o_false(construir: Constructor, campo: str, valor: object) -> None:
    _campo_invalido(construir, campo, valor)


# --- Contradicciones dentro de un registro -----------------------------------------------


def test_r17_fecha_de_gestion_anterior_a_la_recepcion_es_dato_invalido() -> None:
    error = _campo_invalido(
        lambda **k: _solicitud(fecha=date(2012, 3, 10), **k),
        "fecha_gestion",
        date(2012, 3, 9),
    )
    assert "2012-03-10" in str(error)


def test_r17_la_gestion_el_mismo_dia_o_despues_es_valida() -> None:
    assert _solicitud(fecha_gestion=DIA).fecha_gestion == DIA
    assert _solicitud(fecha_gestion=date(2013, 1, 1)).fecha_gestion == date(2013, 1, 1)
    assert _solicitud().fecha_gestion is None


def test_r20_monetizar_sin_cuota_regulada_es_dato_invalido() -> None:
    error = _campo_invalido(lambda **k: _cuota(cuota_regulada=0, **k), "monetiza", True)
    assert "sin cuota" in str(error)
    assert _cuota(cuota_regulada=0, monetiza=False).cuota_regulada == 0
    assert _cuota(cuota_regulada=1, monetiza=True).monetiza is True


# --- Forma de los registros --------------------------------------------------------------


def test_los_registros_son_inmutables_y_solo_con_palabras_clave() -> None:
    contacto = _contacto()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        contacto.nit = "1"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Asignacion("g1", "900123456")  # type: ignore[call-arg]
    assert _contacto() == contacto
    assert hash(_contacto()) == hash(contacto)


# --- DatosSeguimiento: contradicciones entre registros (R14, R17, R19–R21) ----------------


def test_r14_empresa_asignada_a_dos_gestores_nombra_ambos_registros() -> None:
    a1 = Asignacion(gestor="ana", nit="900123456")
    a2 = Asignacion(gestor="luis", nit="900.123.456-8")
    with pytest.raises(RegistroInconsistente) as error:
        datos([gestor("ana"), gestor("luis")], [a1, a2])
    assert error.value.registros == (a1, a2)
    assert "'ana'" in str(error.value)
    assert "'luis'" in str(error.value)
    assert "900123456" in str(error.value)


def test_r14_empresa_asignada_a_un_gestor_y_a_uno_desconocido_es_inconsistente() -> None:
    # Decisión: dos gestores para una empresa se contradicen aunque uno no exista.
    a1 = Asignacion(gestor="nadie", nit="900123456")
    a2 = Asignacion(gestor="ana", nit="900123456")
    for orden in ([a1, a2], [a2, a1]):
        with pytest.raises(RegistroInconsistente):
            datos([gestor("ana")], orden)


def test_r14_dos_gestores_con_el_mismo_id_es_inconsistente() -> None:
    g1 = gestor("ana", regional="Huila")
    g2 = gestor("ana", rol="Estratégico", regional="Antioquia")
    with pytest.raises(RegistroInconsistente, match="'ana'") as error:
        datos([g1, g2])
    assert error.value.registros == (g1, g2)


def test_r17_solicitud_enrutada_a_gestor_de_otra_regional_es_inconsistente() -> None:
    solicitud = _solicitud(regional="Antioquia", gestor="ana")
    with pytest.raises(RegistroInconsistente, match="Antioquia") as error:
        datos([gestor("ana", regional="Huila")], solicitudes=[solicitud])
    assert error.value.registros[0] == solicitud
    assert "Huila" in str(error.value)


def test_r21_evento_que_nombra_gestor_de_otra_regional_es_inconsistente() -> None:
    evento = _evento(regional="Antioquia", gestor="ana")
    with pytest.raises(RegistroInconsistente) as error:
        datos([gestor("ana", regional="Huila")], eventos=[evento])
    assert error.value.registros[0] == evento


def test_r17_r21_mismo_gestor_de_la_misma_regional_o_desconocido_no_es_error() -> None:
    d = datos(
        [gestor("ana")],
        solicitudes=[_solicitud(gestor="ana"), _solicitud(id="s2", regional="05", gestor="x")],
        eventos=[_evento(gestor="ana"), _evento(regional="Antioquia", gestor="x"), _evento()],
    )
    assert len(d.solicitudes) == 2
    assert len(d.eventos) == 3


@pytest.mark.parametrize(
    "cambio",
    [{"regional": "Antioquia"}, {"obligada": True}, {"cuota_regulada": 3}],
)
def test_r19_contratos_de_una_empresa_que_no_coinciden_son_inconsistentes(
    cambio: dict[str, Any],
) -> None:
    primero = _contrato()
    segundo = _contrato(fecha=date(2012, 4, 1), **cambio)
    with pytest.raises(RegistroInconsistente, match="900123456") as error:
        datos([gestor("ana")], contratos=[primero, segundo])
    assert error.value.registros == (primero, segundo)


def test_r19_contratos_repetidos_que_coinciden_no_son_error() -> None:
    contratos = [_contrato(), _contrato(), _contrato(fecha=date(2012, 5, 1))]
    assert datos([gestor("ana")], contratos=contratos).contratos == tuple(contratos)


def test_r19_empresa_con_contratos_asignada_a_gestor_de_otra_regional_es_inconsistente() -> None:
    ana = gestor("ana", regional="Huila")
    contrato = _contrato(regional="Antioquia")
    with pytest.raises(RegistroInconsistente, match="'ana'") as error:
        datos([ana], asignar("ana", ["900123456"]), contratos=[contrato])
    assert error.value.registros == (contrato, ana)


def test_r19_empresa_con_contratos_en_la_regional_de_su_gestor_es_valida() -> None:
    d = datos([gestor("ana")], asignar("ana", ["900123456"]), contratos=[_contrato()])
    assert d.contratos == (_contrato(),)


def test_r20_dos_registros_de_cuota_de_una_empresa_son_inconsistentes() -> None:
    c1 = _cuota()
    c2 = _cuota(nit="900.123.456-8", cuota_regulada=5)
    with pytest.raises(RegistroInconsistente, match="dos registros de cuota") as error:
        datos([gestor("ana")], cuotas=[c1, c2])
    assert error.value.registros == (c1, c2)


def test_r20_el_mismo_registro_de_cuota_dado_dos_veces_es_inconsistente() -> None:
    c1 = _cuota()
    with pytest.raises(RegistroInconsistente, match="dos registros de cuota"):
        datos([gestor("ana")], cuotas=[c1, c1])


def test_r20_cuota_que_nombra_a_otro_gestor_es_inconsistente() -> None:
    cuota = _cuota(gestor="luis")
    with pytest.raises(RegistroInconsistente, match="'ana'") as error:
        datos([gestor("ana"), gestor("luis")], asignar("ana", ["900123456"]), cuotas=[cuota])
    assert error.value.registros == (cuota,)


def test_r20_cuota_que_nombra_al_gestor_asignado_o_a_ninguno_es_valida() -> None:
    cuotas = [_cuota(gestor="ana"), _cuota(nit="800000001")]
    d = datos([gestor("ana")], asignar("ana", ["900123456", "800000001"]), cuotas=cuotas)
    assert d.cuotas == tuple(cuotas)
    # Una empresa sin asignar no se contradice: queda excluida al calcular EM (R20).
    assert datos([gestor("ana")], cuotas=[_cuota(gestor="ana")]).cuotas[0].gestor == "ana"


# --- DatosSeguimiento: exclusiones de asignaciones (R14, R23) ----------------------------


def test_r23_asignacion_a_gestor_desconocido_se_excluye_sin_error() -> None:
    valida = Asignacion(gestor="ana", nit="900123456")
    huerfana = Asignacion(gestor="nadie", nit="800123456")
    d = datos([gestor("ana")], [valida, huerfana])
    assert [(e.registro, e.motivo) for e in d.excluidos] == [(huerfana, Motivo.GESTOR_DESCONOCIDO)]
    assert d.indice.gestor_de == {"900123456": "ana"}
    assert d.indice.cartera == {"ana": {"900123456"}}


def test_r23_asignacion_repetida_se_excluye_y_cuenta_una_vez() -> None:
    a1 = Asignacion(gestor="ana", nit="900123456")
    a2 = Asignacion(gestor="ana", nit="900.123.456-8")
    d = datos([gestor("ana")], [a1, a2])
    assert [(e.registro, e.motivo) for e in d.excluidos] == [(a2, Motivo.ASIGNACION_REPETIDA)]
    assert d.indice.cartera["ana"] == {"900123456"}


def test_r23_asignacion_repetida_a_gestor_desconocido_se_excluye_dos_veces() -> None:
    a = Asignacion(gestor="nadie", nit="900123456")
    d = datos([gestor("ana")], [a, a])
    assert [e.motivo for e in d.excluidos] == [
        Motivo.GESTOR_DESCONOCIDO,
        Motivo.ASIGNACION_REPETIDA,
    ]
    assert d.indice.cartera == {"ana": set()}


@pytest.mark.parametrize("motivo", list(Motivo), ids=lambda m: m.name)
def test_r23_cada_motivo_es_un_miembro_de_enumeracion_igual_a_su_texto(motivo: Motivo) -> None:
    texto = str(motivo.value)
    assert isinstance(motivo, EnumSena)
    assert motivo == texto
    assert hash(motivo) == hash(texto)
    assert {texto: 1}[motivo] == 1
    assert dict[str, int]({motivo: 1})[texto] == 1
    assert Motivo.de(texto.upper()) is motivo
    assert Motivo.de(motivo.name) is motivo
    assert Exclusion(Asignacion(gestor="g", nit="900123456"), texto).motivo is motivo


def test_r23_una_exclusion_con_un_texto_que_no_es_motivo_es_dato_invalido() -> None:
    with pytest.raises(DatoInvalido, match="motivo") as error:
        Exclusion(Asignacion(gestor="g", nit="900123456"), "porque sí")
    assert error.value.valor == "porque sí"


def test_r14_un_gestor_sin_asignaciones_tiene_cartera_vacia() -> None:
    d = datos([gestor("ana"), gestor("luis")], asignar("ana", nits(2)))
    assert d.indice.cartera == {"ana": set(nits(2)), "luis": set()}
    assert d.excluidos == ()


# --- DatosSeguimiento: tipos de las colecciones ------------------------------------------

COLECCIONES: list[tuple[str, Any]] = [
    ("gestores", gestor("ana")),
    ("asignaciones", Asignacion(gestor="ana", nit=1)),
    ("contactos", _contacto()),
    ("servicios", _servicio()),
    ("solicitudes", _solicitud()),
    ("ambientes", _ambiente()),
    ("contratos", _contrato()),
    ("cuotas", _cuota()),
    ("eventos", _evento()),
    ("logros", _logro()),
]


def _con(coleccion: str, valor: object) -> DatosSeguimiento:
    campos: dict[str, Any] = {"gestores": [gestor("ana")], "asignaciones": []}
    campos[coleccion] = valor
    return DatosSeguimiento(**campos)


@pytest.mark.parametrize(("coleccion", "bueno"), COLECCIONES)
def test_un_elemento_de_otro_tipo_es_dato_invalido_que_nombra_su_posicion(
    coleccion: str, bueno: object
) -> None:
    otro = _logro() if coleccion != "logros" else _evento()
    with pytest.raises(DatoInvalido) as error:
        _con(coleccion, [bueno, otro] if coleccion != "gestores" else [bueno, "ana"])
    assert error.value.campo == f"{coleccion}[1]"


@pytest.mark.parametrize(("coleccion", "bueno"), COLECCIONES)
@pytest.mark.parametrize("valor", [None, "abc", b"abc", 5])
def test_una_coleccion_que_no_es_iterable_de_registros_es_dato_invalido(
    coleccion: str, bueno: object, valor: object
) -> None:
    with pytest.raises(DatoInvalido) as error:
        _con(coleccion, valor)
    assert error.value.campo == coleccion


def test_las_colecciones_aceptan_cualquier_iterable_y_se_guardan_como_tuplas() -> None:
    d = DatosSeguimiento(
        gestores=(g for g in [gestor("ana")]),
        asignaciones=iter(asignar("ana", nits(2))),
        contactos=[_contacto(gestor="ana", nit=nits(1)[0])],
    )
    assert isinstance(d.gestores, tuple)
    assert isinstance(d.asignaciones, tuple)
    assert len(d.asignaciones) == 2
    assert d.servicios == ()
    assert d.logros == ()


def test_registros_da_todos_en_el_orden_de_sus_colecciones() -> None:
    g = gestor("ana")
    a = Asignacion(gestor="ana", nit="900123456")
    todos = [
        g,
        a,
        _contacto(),
        _servicio(),
        _solicitud(),
        _ambiente(),
        _contrato(),
        _cuota(),
        _evento(),
        _logro(),
    ]
    d = DatosSeguimiento(
        gestores=[g],
        asignaciones=[a],
        contactos=[todos[2]],
        servicios=[todos[3]],
        solicitudes=[todos[4]],
        ambientes=[todos[5]],
        contratos=[todos[6]],
        cuotas=[todos[7]],
        eventos=[todos[8]],
        logros=[todos[9]],
    )
    assert list(d.registros()) == todos


def test_datos_iguales_son_iguales_y_con_el_mismo_hash() -> None:
    d1 = datos([gestor("ana")], asignar("ana", nits(3)))
    d2 = datos([gestor("ana")], asignar("ana", nits(3)))
    assert d1 == d2
    assert hash(d1) == hash(d2)
    assert d1 != datos([gestor("ana")], asignar("ana", nits(2)))


def test_r23_una_coleccion_guarda_subclases_y_nombra_el_intruso() -> None:
    """`tupla_de` (las colecciones de `DatosSeguimiento`): todos de la clase misma, una
    subclase o un valor de otro tipo, que es un error con su posición."""
    from sena_relacionamiento._conversores import tupla_de

    class Propio(Asignacion):
        pass

    a = Asignacion(gestor="g1", nit="900123456")
    b = Propio(gestor="g2", nit="800123456")
    assert tupla_de([a, a], Asignacion, "asignaciones") == (a, a)
    assert tupla_de([], Asignacion, "asignaciones") == ()
    assert tupla_de([a, b], Asignacion, "asignaciones") == (a, b)
    with pytest.raises(DatoInvalido, match=r"asignaciones\[2\]: se esperaba un Asignacion"):
        tupla_de([a, b, "x"], Asignacion, "asignaciones")
