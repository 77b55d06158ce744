<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../export_dialog.py" line="78"/>
        <source>Export subtitles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="95"/>
        <location filename="../export_dialog.py" line="405"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../export_dialog.py" line="104"/>
        <source>%n transcript(s) to export.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="118"/>
        <source>Formats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="121"/>
        <source>SubRip (.srt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="122"/>
        <source>WebVTT (.vtt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="123"/>
        <source>Advanced SubStation (.ass)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="124"/>
        <source>Plain text (.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="125"/>
        <source>Tab-separated (.tsv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="126"/>
        <source>JSON (.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="133"/>
        <source>Times in plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="134"/>
        <source>Start each line of the .txt file with its start and end time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="140"/>
        <source>Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="144"/>
        <source>Characters per line, at most:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="147"/>
        <source>Lines per subtitle, at most:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="151"/>
        <location filename="../export_dialog.py" line="157"/>
        <location filename="../export_dialog.py" line="167"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="152"/>
        <source>Subtitle duration, at most:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="158"/>
        <source>Gap between subtitles, at least:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="159"/>
        <source>Start a new subtitle after each sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="162"/>
        <source>Start a new subtitle after a pause of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="173"/>
        <source>Highlight each word as it is spoken (karaoke)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="177"/>
        <source>Needs word timestamps: turn them on in the settings and transcribe again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="182"/>
        <source>Text file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="185"/>
        <source>UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="186"/>
        <source>UTF-8 with byte-order mark (older players)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="187"/>
        <source>Encoding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="189"/>
        <source>LF (Linux, macOS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="190"/>
        <source>CRLF (Windows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="191"/>
        <source>Line endings:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="195"/>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="197"/>
        <source>Next to each source file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="198"/>
        <source>In this folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="205"/>
        <source>Choose a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="206"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="215"/>
        <source>{name}: the source file&apos;s name; {lang}: the language code; {ext}: the format&apos;s extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="217"/>
        <source>File name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="220"/>
        <source>Ask me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="221"/>
        <source>Replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="222"/>
        <source>Keep it, don&apos;t write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="223"/>
        <source>Add a number to the new name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="226"/>
        <source>When a file exists:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="234"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="237"/>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="294"/>
        <source>Tick at least one format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="313"/>
        <source>Choose the folder to export to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="319"/>
        <source>The file name may use {name}, {lang} and {ext}, and no folder separators; for example {name}.{lang}.{ext}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="326"/>
        <source>Export to folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="365"/>
        <source>None of these jobs has a transcript yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="373"/>
        <source>{0} → {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="388"/>
        <source>No preview: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="404"/>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="404"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="430"/>
        <source>Exporting {0} ({1} of {2})…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="438"/>
        <source>File exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="439"/>
        <source>{0} already exists in {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="440"/>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="441"/>
        <source>Add a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="442"/>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="444"/>
        <source>Do the same for every existing file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="462"/>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="464"/>
        <source>Export finished with problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="466"/>
        <source>Export finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../export_dialog.py" line="467"/>
        <source>Wrote %n file(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../export_dialog.py" line="470"/>
        <source>  …and %n more (see the details)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="472"/>
        <source>In: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../export_dialog.py" line="474"/>
        <source>Skipped %n existing file(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="476"/>
        <source>Stopped before every job was exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="478"/>
        <source>Could not export:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="485"/>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobExecution</name>
    <message>
        <location filename="../../runner/execution.py" line="210"/>
        <source>Something unexpected went wrong ({0}). The job&apos;s log has the details.</source>
        <extracomment>Audio decoded ahead of the engine, beyond the jobs the I/O pool is working on.</extracomment>
        <translation>Algo inesperado deu errado ({0}). O registro do trabalho tem os detalhes.</translation>
    </message>
</context>
<context>
    <name>JobPanel</name>
    <message>
        <location filename="../job_panel.py" line="27"/>
        <source>Select a job to see its transcript.</source>
        <translation>Selecione um trabalho para ver a transcrição.</translation>
    </message>
    <message>
        <location filename="../job_panel.py" line="32"/>
        <source>Transcript</source>
        <translation>Transcrição</translation>
    </message>
    <message>
        <location filename="../job_panel.py" line="33"/>
        <source>Details</source>
        <translation>Detalhes</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="88"/>
        <source>Drop audio or video files or folders here
or use File &gt; Add files (Ctrl+O)</source>
        <translation>Solte aqui arquivos ou pastas de áudio ou vídeo
ou use Arquivo &gt; Adicionar arquivos (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="150"/>
        <source>&amp;Add files…</source>
        <translation>&amp;Adicionar arquivos…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="151"/>
        <source>Add &amp;folder…</source>
        <translation>Adicionar &amp;pasta…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="152"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="154"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Configurações…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="156"/>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="157"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="158"/>
        <source>&amp;Retry</source>
        <translation>&amp;Tentar de novo</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="159"/>
        <source>Re&amp;move</source>
        <translation>Re&amp;mover</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="160"/>
        <source>&amp;Open transcript</source>
        <translation>A&amp;brir transcrição</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="161"/>
        <source>Show in &amp;folder</source>
        <translation>Mostrar na &amp;pasta</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="162"/>
        <source>Cop&amp;y text</source>
        <translation>Co&amp;piar texto</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="163"/>
        <source>&amp;Details</source>
        <translation>&amp;Detalhes</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="164"/>
        <location filename="../main_window.py" line="349"/>
        <source>&amp;Pause queue</source>
        <translation>&amp;Pausar fila</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="165"/>
        <source>Cancel &amp;all</source>
        <translation>Cancelar &amp;todos</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="166"/>
        <source>C&amp;lear finished</source>
        <translation>&amp;Limpar concluídos</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="169"/>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="173"/>
        <source>&amp;Job</source>
        <translation>&amp;Trabalho</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="175"/>
        <source>&amp;Queue</source>
        <translation>&amp;Fila</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="178"/>
        <source>Actions</source>
        <translation>Ações</translation>
    </message>
    <message numerus="yes">
        <location filename="../main_window.py" line="217"/>
        <source>Queued %n file(s).</source>
        <translation>
            <numerusform>%n arquivo na fila.</numerusform>
            <numerusform>%n arquivos na fila.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="221"/>
        <source>Add files</source>
        <translation>Adicionar arquivos</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="221"/>
        <source>Audio and video (*.*)</source>
        <translation>Áudio e vídeo (*.*)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="227"/>
        <source>Add folder</source>
        <translation>Adicionar pasta</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="269"/>
        <source>Copied the transcript text.</source>
        <translation>Texto da transcrição copiado.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="323"/>
        <source>{0}% · {1} of {2} done — {3}</source>
        <translation>{0}% · {1} de {2} concluídos — {3}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="332"/>
        <source>Transcription finished</source>
        <translation>Transcrição concluída</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="333"/>
        <source>{0} of {1} files transcribed.</source>
        <translation>{0} de {1} arquivos transcritos.</translation>
    </message>
    <message numerus="yes">
        <location filename="../main_window.py" line="335"/>
        <source>%n failed.</source>
        <translation>
            <numerusform>%n falhou.</numerusform>
            <numerusform>%n falharam.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../main_window.py" line="343"/>
        <source>Queued %n file(s) from the folder.</source>
        <translation>
            <numerusform>%n arquivo da pasta na fila.</numerusform>
            <numerusform>%n arquivos da pasta na fila.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../main_window.py" line="345"/>
        <source>Skipped %n file(s) that are not audio or video.</source>
        <translation>
            <numerusform>%n arquivo ignorado por não ser áudio nem vídeo.</numerusform>
            <numerusform>%n arquivos ignorados por não serem áudio nem vídeo.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="349"/>
        <source>&amp;Resume queue</source>
        <translation>&amp;Retomar fila</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="367"/>
        <source>Quit Daredevil?</source>
        <translation>Sair do Daredevil?</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="368"/>
        <source>Files are still being transcribed. Quit anyway? Unfinished files will continue the next time you open Daredevil.</source>
        <translation>Ainda há arquivos sendo transcritos. Sair mesmo assim? Os arquivos não concluídos continuarão na próxima vez que você abrir o Daredevil.</translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <location filename="../models_page.py" line="39"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="39"/>
        <source>Size</source>
        <translation>Tamanho</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="39"/>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="39"/>
        <source>Source</source>
        <translation>Origem</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="50"/>
        <source>Import file…</source>
        <translation>Importar arquivo…</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="51"/>
        <source>Install an openai-whisper checkpoint (.pt)</source>
        <translation>Instalar um checkpoint do openai-whisper (.pt)</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="53"/>
        <source>Import folder…</source>
        <translation>Importar pasta…</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="54"/>
        <source>Convert and install a faster-whisper model folder</source>
        <translation>Converter e instalar uma pasta de modelo do faster-whisper</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="56"/>
        <source>Delete…</source>
        <translation>Excluir…</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="65"/>
        <source>Download</source>
        <translation>Baixar</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="67"/>
        <source>Cancel download</source>
        <translation>Cancelar download</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="76"/>
        <source>Download a Whisper model</source>
        <translation>Baixar um modelo do Whisper</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="86"/>
        <source>Installed models</source>
        <translation>Modelos instalados</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="106"/>
        <source>Multilingual</source>
        <translation>Multilíngue</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="106"/>
        <location filename="../models_page.py" line="117"/>
        <source>English only</source>
        <translation>Só inglês</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="117"/>
        <source>multilingual</source>
        <translation>multilíngue</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="119"/>
        <source>{0} (about {1} MB, {2})</source>
        <translation>{0} (cerca de {1} MB, {2})</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="159"/>
        <source>Downloading {0}…</source>
        <translation>Baixando {0}…</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="164"/>
        <source>Import a Whisper model file</source>
        <translation>Importar um arquivo de modelo do Whisper</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="164"/>
        <source>Whisper checkpoints (*.pt)</source>
        <translation>Checkpoints do Whisper (*.pt)</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="170"/>
        <source>Import a faster-whisper model folder</source>
        <translation>Importar uma pasta de modelo do faster-whisper</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="177"/>
        <source>Importing {0}…</source>
        <translation>Importando {0}…</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="186"/>
        <source>Delete model</source>
        <translation>Excluir modelo</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="187"/>
        <source>Delete the model &quot;{0}&quot;? Its file is removed from this computer.</source>
        <translation>Excluir o modelo &quot;{0}&quot;? O arquivo dele será removido deste computador.</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="194"/>
        <source>Could not delete {0}: {1}</source>
        <translation>Não foi possível excluir {0}: {1}</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="196"/>
        <source>Deleted {0}.</source>
        <translation>{0} foi excluído.</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="204"/>
        <source>{0} of {1} (%p%)</source>
        <translation>{0} de {1} (%p%)</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="211"/>
        <source>{0} was downloaded and installed.</source>
        <translation>{0} foi baixado e instalado.</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="213"/>
        <source>{0} was imported.</source>
        <translation>{0} foi importado.</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="219"/>
        <source>The download failed: {0}</source>
        <translation>O download falhou: {0}</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="221"/>
        <source>The import failed: {0}</source>
        <translation>A importação falhou: {0}</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="226"/>
        <source>Download cancelled. It resumes where it stopped if you start it again.</source>
        <translation>Download cancelado. Ele continua de onde parou se você iniciá-lo de novo.</translation>
    </message>
</context>
<context>
    <name>QueueController</name>
    <message>
        <location filename="../../runner/controller.py" line="276"/>
        <source>The history file was damaged; it was moved to {0} and a new one was started.</source>
        <translation>O arquivo de histórico estava danificado; ele foi movido para {0} e um novo foi criado.</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../queue_model.py" line="42"/>
        <source>Queued</source>
        <translation>Na fila</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="43"/>
        <source>Checking</source>
        <translation>Verificando</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="44"/>
        <source>Extracting</source>
        <translation>Extraindo</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="45"/>
        <source>Transcribing</source>
        <translation>Transcrevendo</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="46"/>
        <source>Done</source>
        <translation>Concluído</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="47"/>
        <source>Done (cached)</source>
        <translation>Concluído (cache)</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="48"/>
        <source>Failed</source>
        <translation>Falhou</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="49"/>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="89"/>
        <source>File</source>
        <translation>Arquivo</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="90"/>
        <source>Duration</source>
        <translation>Duração</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="91"/>
        <source>Size</source>
        <translation>Tamanho</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="92"/>
        <source>Status</source>
        <translation>Situação</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="93"/>
        <source>Progress</source>
        <translation>Progresso</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="94"/>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="95"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="155"/>
        <source>auto</source>
        <translation>automático</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="238"/>
        <source>{0} left</source>
        <translation>faltam {0}</translation>
    </message>
</context>
<context>
    <name>QueueStatusBar</name>
    <message>
        <location filename="../status_bar.py" line="27"/>
        <source>Device: {0} · Model: {1} (not loaded yet)</source>
        <translation>Dispositivo: {0} · Modelo: {1} (ainda não carregado)</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="28"/>
        <source>starter</source>
        <translation>inicial</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="39"/>
        <source>{0}% of the queue</source>
        <translation>{0}% da fila</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="48"/>
        <source>GPU memory {0:.1f} GB used, {1:.1f} GB free</source>
        <translation>Memória da GPU: {0:.1f} GB em uso, {1:.1f} GB livres</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="52"/>
        <source>Model: {0}</source>
        <translation>Modelo: {0}</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="52"/>
        <source>none loaded</source>
        <translation>nenhum carregado</translation>
    </message>
</context>
<context>
    <name>SegmentTableModel</name>
    <message>
        <location filename="../segment_table_model.py" line="161"/>
        <source>Start</source>
        <extracomment>(start, length) of each search hit in a row&apos;s text.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../segment_table_model.py" line="161"/>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../segment_table_model.py" line="161"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../segment_table_model.py" line="185"/>
        <source>Edit text of segment {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../segment_table_model.py" line="192"/>
        <source>Merge segments {0} and {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../segment_table_model.py" line="202"/>
        <source>Split segment {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../segment_table_model.py" line="215"/>
        <source>Shift all times by {0:+.3f} s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="87"/>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="93"/>
        <source>Transcription</source>
        <translation>Transcrição</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="94"/>
        <source>Limits</source>
        <translation>Limites</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="95"/>
        <source>Performance</source>
        <translation>Desempenho</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="96"/>
        <source>Interface</source>
        <translation>Interface</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="98"/>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="128"/>
        <source>Automatic (a GPU when there is one)</source>
        <translation>Automático (uma GPU quando houver)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="129"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="131"/>
        <source>Detect automatically</source>
        <translation>Detectar automaticamente</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="135"/>
        <source>Transcribe (keep the spoken language)</source>
        <translation>Transcrever (manter o idioma falado)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="136"/>
        <source>Translate to English</source>
        <translation>Traduzir para o inglês</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="137"/>
        <source>Word timestamps (needed for karaoke subtitles; slower)</source>
        <translation>Tempos por palavra (necessários para legendas karaokê; mais lento)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="139"/>
        <source>Names, spellings or a style for Whisper to follow</source>
        <translation>Nomes, grafias ou um estilo para o Whisper seguir</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="143"/>
        <source>Model:</source>
        <translation>Modelo:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="144"/>
        <source>Device:</source>
        <translation>Dispositivo:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="145"/>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="146"/>
        <source>Task:</source>
        <translation>Tarefa:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="148"/>
        <source>Initial prompt:</source>
        <translation>Prompt inicial:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="152"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="153"/>
        <location filename="../settings_dialog.py" line="190"/>
        <source> GB</source>
        <translation> GB</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="159"/>
        <source> × the audio length</source>
        <translation> × a duração do áudio</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="165"/>
        <source>Largest file:</source>
        <translation>Maior arquivo:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="166"/>
        <source>Time to read a file&apos;s format:</source>
        <translation>Tempo para ler o formato do arquivo:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="167"/>
        <source>Audio extraction time limit (grows with the file&apos;s size):</source>
        <translation>Tempo limite da extração de áudio (cresce com o tamanho do arquivo):</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="168"/>
        <location filename="../settings_dialog.py" line="172"/>
        <source>At least:</source>
        <translation>No mínimo:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="169"/>
        <source>Per MB of file:</source>
        <translation>Por MB de arquivo:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="170"/>
        <source>At most:</source>
        <translation>No máximo:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="171"/>
        <source>Transcription time limit (the larger of the two):</source>
        <translation>Tempo limite da transcrição (o maior dos dois):</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="173"/>
        <source>Or:</source>
        <translation>Ou:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="174"/>
        <source>Grace before the engine is stopped:</source>
        <translation>Tolerância antes de parar o motor:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="175"/>
        <source>Automatic retries:</source>
        <translation>Novas tentativas automáticas:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="176"/>
        <source>Wait before a retry:</source>
        <translation>Espera antes de tentar de novo:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="181"/>
        <source>How many files are checked and decoded at once</source>
        <translation>Quantos arquivos são verificados e decodificados ao mesmo tempo</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="182"/>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="184"/>
        <location filename="../settings_dialog.py" line="347"/>
        <source>Clear cache</source>
        <translation>Limpar cache</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="189"/>
        <source> jobs</source>
        <translation> tarefas</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="193"/>
        <source>Files prepared at once:</source>
        <translation>Arquivos preparados ao mesmo tempo:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="194"/>
        <source>Result cache size:</source>
        <translation>Tamanho do cache de resultados:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="195"/>
        <source>In the cache now:</source>
        <translation>No cache agora:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="196"/>
        <source>Restart the engine after:</source>
        <translation>Reiniciar o motor após:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="197"/>
        <source>Or when it uses more than:</source>
        <translation>Ou quando ele usar mais de:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="202"/>
        <source>Follow the system</source>
        <translation>Seguir o sistema</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="205"/>
        <source>A new language shows the next time Daredevil starts.</source>
        <translation>O novo idioma aparece na próxima vez que o Daredevil iniciar.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="208"/>
        <source>Interface language:</source>
        <translation>Idioma da interface:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="243"/>
        <source>Starter model ({0})</source>
        <translation>Modelo inicial ({0})</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="250"/>
        <source>{0} (to download, about {1} MB)</source>
        <translation>{0} (para baixar, cerca de {1} MB)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="253"/>
        <source>{0} (not installed)</source>
        <translation>{0} (não instalado)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="259"/>
        <source>GPU {0}: {1}</source>
        <translation>GPU {0}: {1}</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="268"/>
        <source>The model &quot;{0}&quot; is not installed yet. Download it on the Models page, or choose another.</source>
        <translation>O modelo &quot;{0}&quot; ainda não está instalado. Baixe-o na página Modelos ou escolha outro.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="274"/>
        <source>The shortest audio extraction time limit ({0} s) is longer than the longest ({1} s).</source>
        <translation>O menor tempo limite da extração de áudio ({0} s) é maior que o maior ({1} s).</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="279"/>
        <source>English-only models cannot translate. Choose a multilingual model.</source>
        <translation>Modelos só de inglês não traduzem. Escolha um modelo multilíngue.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="321"/>
        <source>The settings could not be saved: {0}</source>
        <translation>Não foi possível salvar as configurações: {0}</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="348"/>
        <source>Forget every cached transcript? Files transcribed before will be transcribed again.</source>
        <translation>Esquecer todas as transcrições em cache? Arquivos já transcritos serão transcritos de novo.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="363"/>
        <source>Could not clear the cache: {0}</source>
        <translation>Não foi possível limpar o cache: {0}</translation>
    </message>
</context>
<context>
    <name>TranscriptEditor</name>
    <message>
        <location filename="../transcript_editor.py" line="136"/>
        <location filename="../transcript_editor.py" line="268"/>
        <source>Transcript — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="188"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="190"/>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="196"/>
        <source>Merge with next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="197"/>
        <source>Join the selected segment and the one after it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="199"/>
        <source>Split at cursor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="200"/>
        <source>While editing a text, cut the segment where the cursor is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="202"/>
        <source>Shift times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="203"/>
        <source>Move every start and end time by the offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="205"/>
        <location filename="../transcript_editor.py" line="397"/>
        <source>Play from here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="206"/>
        <source>Play the source from the selected segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="208"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="209"/>
        <source>Keep the edited transcript; the original result stays in the cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="211"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="212"/>
        <source>Write subtitles or text from the edited transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="228"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="229"/>
        <source>Offset in seconds; negative moves subtitles earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="230"/>
        <source>Time offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="239"/>
        <source>Search the transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="245"/>
        <source>Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="285"/>
        <source>Select a segment that has another one after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="294"/>
        <source>Double-click a text and put the cursor where it should be split.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="300"/>
        <source>Put the cursor between two words to split there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="309"/>
        <source>Shifted by {0:+.3f} s: no time can go before the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="311"/>
        <source>Shifted every time by {0:+.3f} s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../transcript_editor.py" line="319"/>
        <source>%n segment(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="322"/>
        <source>No match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="341"/>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="342"/>
        <source>The edited transcript could not be saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="345"/>
        <source>Saved. Exports use the edited text; the original result is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="397"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="407"/>
        <source>Unsaved edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="408"/>
        <source>Save your edits to this transcript before closing?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
