<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>JobExecution</name>
    <message>
        <location filename="../../runner/execution.py" line="210" />
        <source>Something unexpected went wrong ({0}). The job's log has the details.</source>
        <extracomment>Audio decoded ahead of the engine, beyond the jobs the I/O pool is working on.</extracomment>
        <translation>Algo inesperado deu errado ({0}). O registro do trabalho tem os detalhes.</translation>
    </message>
</context>
<context>
    <name>JobPanel</name>
    <message>
        <location filename="../job_panel.py" line="27" />
        <source>Select a job to see its transcript.</source>
        <translation>Selecione um trabalho para ver a transcrição.</translation>
    </message>
    <message>
        <location filename="../job_panel.py" line="32" />
        <source>Transcript</source>
        <translation>Transcrição</translation>
    </message>
    <message>
        <location filename="../job_panel.py" line="33" />
        <source>Details</source>
        <translation>Detalhes</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="88" />
        <source>Drop audio or video files or folders here
or use File &gt; Add files (Ctrl+O)</source>
        <translation>Solte aqui arquivos ou pastas de áudio ou vídeo
ou use Arquivo &gt; Adicionar arquivos (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="150" />
        <source>&amp;Add files…</source>
        <translation>&amp;Adicionar arquivos…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="151" />
        <source>Add &amp;folder…</source>
        <translation>Adicionar &amp;pasta…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="152" />
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="154" />
        <source>&amp;Settings…</source>
        <translation>&amp;Configurações…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="156" />
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="157" />
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="158" />
        <source>&amp;Retry</source>
        <translation>&amp;Tentar de novo</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="159" />
        <source>Re&amp;move</source>
        <translation>Re&amp;mover</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="160" />
        <source>&amp;Open transcript</source>
        <translation>A&amp;brir transcrição</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="161" />
        <source>Show in &amp;folder</source>
        <translation>Mostrar na &amp;pasta</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="162" />
        <source>Cop&amp;y text</source>
        <translation>Co&amp;piar texto</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="163" />
        <source>&amp;Details</source>
        <translation>&amp;Detalhes</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="164" />
        <location filename="../main_window.py" line="349" />
        <source>&amp;Pause queue</source>
        <translation>&amp;Pausar fila</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="165" />
        <source>Cancel &amp;all</source>
        <translation>Cancelar &amp;todos</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="166" />
        <source>C&amp;lear finished</source>
        <translation>&amp;Limpar concluídos</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="169" />
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="173" />
        <source>&amp;Job</source>
        <translation>&amp;Trabalho</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="175" />
        <source>&amp;Queue</source>
        <translation>&amp;Fila</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="178" />
        <source>Actions</source>
        <translation>Ações</translation>
    </message>
    <message numerus="yes">
        <location filename="../main_window.py" line="217" />
        <source>Queued %n file(s).</source>
        <translation><numerusform>%n arquivo na fila.</numerusform><numerusform>%n arquivos na fila.</numerusform></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="221" />
        <source>Add files</source>
        <translation>Adicionar arquivos</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="221" />
        <source>Audio and video (*.*)</source>
        <translation>Áudio e vídeo (*.*)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="227" />
        <source>Add folder</source>
        <translation>Adicionar pasta</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="269" />
        <source>Copied the transcript text.</source>
        <translation>Texto da transcrição copiado.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="323" />
        <source>{0}% · {1} of {2} done — {3}</source>
        <translation>{0}% · {1} de {2} concluídos — {3}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="332" />
        <source>Transcription finished</source>
        <translation>Transcrição concluída</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="333" />
        <source>{0} of {1} files transcribed.</source>
        <translation>{0} de {1} arquivos transcritos.</translation>
    </message>
    <message numerus="yes">
        <location filename="../main_window.py" line="335" />
        <source>%n failed.</source>
        <translation><numerusform>%n falhou.</numerusform><numerusform>%n falharam.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../main_window.py" line="343" />
        <source>Queued %n file(s) from the folder.</source>
        <translation><numerusform>%n arquivo da pasta na fila.</numerusform><numerusform>%n arquivos da pasta na fila.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../main_window.py" line="345" />
        <source>Skipped %n file(s) that are not audio or video.</source>
        <translation><numerusform>%n arquivo ignorado por não ser áudio nem vídeo.</numerusform><numerusform>%n arquivos ignorados por não serem áudio nem vídeo.</numerusform></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="349" />
        <source>&amp;Resume queue</source>
        <translation>&amp;Retomar fila</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="367" />
        <source>Quit Daredevil?</source>
        <translation>Sair do Daredevil?</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="368" />
        <source>Files are still being transcribed. Quit anyway? Unfinished files will continue the next time you open Daredevil.</source>
        <translation>Ainda há arquivos sendo transcritos. Sair mesmo assim? Os arquivos não concluídos continuarão na próxima vez que você abrir o Daredevil.</translation>
    </message>
</context>
<context>
    <name>QueueController</name>
    <message>
        <location filename="../../runner/controller.py" line="276" />
        <source>The history file was damaged; it was moved to {0} and a new one was started.</source>
        <translation>O arquivo de histórico estava danificado; ele foi movido para {0} e um novo foi criado.</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../queue_model.py" line="42" />
        <source>Queued</source>
        <translation>Na fila</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="43" />
        <source>Checking</source>
        <translation>Verificando</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="44" />
        <source>Extracting</source>
        <translation>Extraindo</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="45" />
        <source>Transcribing</source>
        <translation>Transcrevendo</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="46" />
        <source>Done</source>
        <translation>Concluído</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="47" />
        <source>Done (cached)</source>
        <translation>Concluído (cache)</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="48" />
        <source>Failed</source>
        <translation>Falhou</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="49" />
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="89" />
        <source>File</source>
        <translation>Arquivo</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="90" />
        <source>Duration</source>
        <translation>Duração</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="91" />
        <source>Size</source>
        <translation>Tamanho</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="92" />
        <source>Status</source>
        <translation>Situação</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="93" />
        <source>Progress</source>
        <translation>Progresso</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="94" />
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="95" />
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="155" />
        <source>auto</source>
        <translation>automático</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="238" />
        <source>{0} left</source>
        <translation>faltam {0}</translation>
    </message>
</context>
<context>
    <name>QueueStatusBar</name>
    <message>
        <location filename="../status_bar.py" line="27" />
        <source>Device: {0} · Model: {1} (not loaded yet)</source>
        <translation>Dispositivo: {0} · Modelo: {1} (ainda não carregado)</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="28" />
        <source>starter</source>
        <translation>inicial</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="39" />
        <source>{0}% of the queue</source>
        <translation>{0}% da fila</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="48" />
        <source>GPU memory {0:.1f} GB used, {1:.1f} GB free</source>
        <translation>Memória da GPU: {0:.1f} GB em uso, {1:.1f} GB livres</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="52" />
        <source>Model: {0}</source>
        <translation>Modelo: {0}</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="52" />
        <source>none loaded</source>
        <translation>nenhum carregado</translation>
    </message>
</context>
</TS>